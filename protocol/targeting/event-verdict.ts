/**
 * Event conditions against an `EventSummary`. Counts, first and last times are
 * exact; property filters and windowed counts read the bounded list of recent
 * occurrences. When older occurrences were dropped, the answer may depend on
 * them: we then compute bounds (what we saw … what the dropped ones could add)
 * and answer `null` (unknown) only when the bounds straddle the threshold.
 * A verdict is therefore never contradicted by the full history
 * (`properties.test.ts` checks this soundness).
 */
import { compareValue } from './comparison.js';
import { ownValue, type EventOccurrence, type EventStats, type EventSummary } from './event-summary.js';
import type { Comparison, EventRule } from './rule.js';
import { parseDuration } from './time-values.js';

import type { Verdict } from './kleene.js';

type Where = EventRule['where'];

// The filter runs once per retained occurrence per evaluation: list its entries once per rule object.
const whereEntries = new WeakMap<NonNullable<Where>, Array<[string, Comparison]>>();

function matchesWhere(where: NonNullable<Where>, occurrence: EventOccurrence, now: number): boolean {
  let entries = whereEntries.get(where);
  if (entries === undefined) {
    entries = Object.entries(where);
    whereEntries.set(where, entries);
  }
  for (const [prop, condition] of entries) if (!compareValue(condition, ownValue(occurrence.props, prop), now)) return false;
  return true;
}

/** [fewest, most] occurrences in [from, to) that satisfy `where`. */
function countBounds(stats: EventStats, where: Where, from: number, to: number, now: number): [number, number] {
  let seen = 0;
  for (const occurrence of stats.recent) {
    if (occurrence.at >= from && occurrence.at < to && (where === undefined || matchesWhere(where, occurrence, now))) seen += 1;
  }
  const dropped = stats.count - stats.recent.length;
  if (dropped <= 0) return [seen, seen];
  // Dropped occurrences lie between the first ever and the oldest one kept; their props are unknown.
  const droppedFrom = stats.firstAt;
  const droppedTo = stats.recent.length > 0 ? stats.recent[0].at : stats.lastAt;
  const possibly = droppedFrom < to && droppedTo >= from;
  const certainly = where === undefined && droppedFrom >= from && droppedTo < to;
  return [seen + (certainly ? dropped : 0), seen + (possibly ? dropped : 0)];
}

function atLeast([lo, hi]: [number, number], n: number): Verdict {
  return lo >= n ? true : hi < n ? false : null;
}

function atMost([lo, hi]: [number, number], n: number): Verdict {
  return hi <= n ? true : lo > n ? false : null;
}

function and(a: Verdict, b: Verdict): Verdict {
  return a === false || b === false ? false : a === null || b === null ? null : true;
}

export function eventVerdict(rule: EventRule, events: EventSummary, now: number): Verdict {
  const stats = ownValue(events, rule.event);
  const windowMs = rule.within === undefined ? null : parseDuration(rule.within);
  if (rule.within !== undefined && windowMs === null) return null; // unvalidated rule: refuse to guess
  const from = windowMs === null ? -Infinity : now - windowMs;
  // A contact with no such event: every count is exactly 0. (The summary is the full record.)
  if (stats === undefined || stats.count === 0) {
    return rule.op === 'count_gte' ? rule.value <= 0 : rule.op === 'count_lte' || rule.op === 'never';
  }
  const where = rule.where;
  switch (rule.op) {
    case 'count_gte':
      return atLeast(countBounds(stats, where, from, Infinity, now), rule.value);
    case 'count_lte':
      return atMost(countBounds(stats, where, from, Infinity, now), rule.value);
    case 'never':
      // Without a filter the latest time decides exactly, however much history was dropped.
      if (where === undefined) return stats.lastAt < from;
      return atMost(countBounds(stats, where, from, Infinity, now), 0);
    case 'last_within':
      if (where === undefined) return stats.lastAt >= from;
      return atLeast(countBounds(stats, where, from, Infinity, now), 1);
    case 'first_within':
      if (where === undefined) return stats.firstAt >= from;
      // The first matching occurrence is in the window: one matches inside, none before it.
      return and(atLeast(countBounds(stats, where, from, Infinity, now), 1), atMost(countBounds(stats, where, -Infinity, from, now), 0));
  }
}
