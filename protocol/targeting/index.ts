/** Targeting (DESIGN.md §4): the rule language, its one evaluator, and incremental audience indexing. */
export * from './rule.js';
export { DEVICES, type Device } from './devices.js';
export { ruleVerdict, evaluateRule, type Verdict } from './evaluate.js';
export { contextFromRows, contextFromLive, LiveContext, type TargetingContext, type PageInfo, type ContactRow, type EventRow, type ContextOptions } from './context.js';
export {
  DEFAULT_RECENT_LIMIT,
  addOccurrence,
  summarizeOccurrences,
  emptySummary,
  type EventSummary,
  type EventStats,
  type EventOccurrence,
  type EventProps,
} from './event-summary.js';
export { ruleDependencies, AudienceIndex, TARGETING_FACETS, type RuleDependencies, type TargetingChange, type TargetingFacet } from './dependencies.js';
export { regexProblem } from './regex-guard.js';
export { matchGlob } from './glob.js';
export { parseDuration } from './time-values.js';
export { momentRule } from './moment.js';
export { classifyUserAgent, BROWSERS, type Browser } from './user-agent.js';
