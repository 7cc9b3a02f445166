/**
 * The series editor's model: name, entry rule, an ordered list of steps
 * (message, wait, branch) with add/remove/move, the request body checked with
 * `createSeriesSchema`, and errors keyed by step so each shows on its step.
 */
import { createSeriesSchema, type ContentStatus, type CreateSeriesInput, type Series, type SeriesStep, type UpdateSeriesInput } from '../../protocol/index.js';
import { changedKeys, parseServerIssue, sentence, type FieldErrors } from './form-issues.js';
import { firstFreeId, moveByKey } from './keyed-list.js';
import { compileRuleDraft, keyAtPath, ruleDraftFrom, type RuleDraft, type RuleErrors } from './rule-check.js';
import { nextKey } from './rule-tree.js';

export type StepType = SeriesStep['type'];

/** Every step keeps the fields of all types, so switching a step's type and back loses nothing. */
export interface StepDraft {
  key: number;
  /** Stable across moves; branches point at it. */
  id: string;
  type: StepType;
  messageId: string;
  days: string;
  untilEvent: string;
  rule: RuleDraft;
  then: string;
  else: string;
}

export interface SeriesDraft {
  name: string;
  entry: RuleDraft;
  steps: StepDraft[];
  status: ContentStatus;
}

export interface SeriesErrors {
  fields: FieldErrors<'name' | 'entry' | 'steps'>;
  entry: RuleErrors | null;
  /** Step key → what is wrong with it. */
  steps: ReadonlyMap<number, string>;
  /** Step key → its branch rule's row errors. */
  branchRules: ReadonlyMap<number, RuleErrors>;
}

/** "step-1", "step-2"…: the first number no step uses (ids must be unique within a series). */
export function nextStepId(steps: readonly Pick<StepDraft, 'id'>[]): string {
  return firstFreeId(steps, 'step-');
}

export function newStep(type: StepType, steps: readonly StepDraft[]): StepDraft {
  return { key: nextKey(), id: nextStepId(steps), type, messageId: '', days: '1', untilEvent: '', rule: ruleDraftFrom(null), then: 'next', else: 'exit' };
}

function stepDraftFrom(step: SeriesStep): StepDraft {
  const base: StepDraft = { key: nextKey(), id: step.id, type: step.type, messageId: '', days: '1', untilEvent: '', rule: ruleDraftFrom(null), then: 'next', else: 'exit' };
  if (step.type === 'message') return { ...base, messageId: step.message_id };
  if (step.type === 'wait') return { ...base, days: String(step.days), untilEvent: step.until_event ?? '' };
  return { ...base, rule: ruleDraftFrom(step.rule), then: step.then, else: step.else };
}

export function seriesDraftFrom(series: Series | null): SeriesDraft {
  if (!series) return { name: '', entry: ruleDraftFrom(null), steps: [], status: 'draft' };
  return { name: series.name, entry: ruleDraftFrom(series.entry), steps: series.steps.map(stepDraftFrom), status: series.status };
}

export function addStep(steps: readonly StepDraft[], type: StepType): StepDraft[] {
  return [...steps, newStep(type, steps)];
}

/** Removes a step; branches that jumped to it go to the next step instead. */
export function removeStep(steps: readonly StepDraft[], key: number): StepDraft[] {
  const gone = steps.find((s) => s.key === key);
  return steps
    .filter((s) => s.key !== key)
    .map((s) => (gone && (s.then === gone.id || s.else === gone.id) ? { ...s, then: s.then === gone.id ? 'next' : s.then, else: s.else === gone.id ? 'next' : s.else } : s));
}

/** Moves a step one place up (-1) or down (+1); no change at either end. */
export function moveStep(steps: readonly StepDraft[], key: number, delta: -1 | 1): StepDraft[] {
  return moveByKey(steps, key, delta);
}

/** Where a branch at `index` may go: the next step, out, or any later step (branches only jump forward). */
export function branchTargets(steps: readonly StepDraft[], index: number): Array<{ value: string; label: string }> {
  return [
    { value: 'next', label: 'Next step' },
    { value: 'exit', label: 'Exit' },
    ...steps.slice(index + 1).map((s, i) => ({ value: s.id, label: `Step ${index + i + 2}` })),
  ];
}

function stepOf(draft: StepDraft): SeriesStep | null {
  switch (draft.type) {
    case 'message':
      return { id: draft.id, type: 'message', message_id: draft.messageId };
    case 'wait':
      return { id: draft.id, type: 'wait', days: Number(draft.days.trim()), ...(draft.untilEvent.trim() ? { until_event: draft.untilEvent.trim() } : {}) };
    case 'branch': {
      const rule = compileRuleDraft(draft.rule);
      return rule.ok ? { id: draft.id, type: 'branch', rule: rule.rule, then: draft.then, else: draft.else } : null;
    }
  }
}

function stepProblem(step: StepDraft, index: number, steps: readonly StepDraft[]): string | null {
  if (step.type === 'message' && !step.messageId) return 'Choose a message.';
  if (step.type === 'wait' && !/^\d+(\.\d+)?$/.test(step.days.trim())) return 'Enter a number of days.';
  if (step.type === 'branch') {
    const later = new Set(['next', 'exit', ...steps.slice(index + 1).map((s) => s.id)]);
    if (!later.has(step.then) || !later.has(step.else)) return 'A branch can only go to a later step, the next step or exit.';
    if (!compileRuleDraft(step.rule).ok) return 'Check the branch conditions.';
  }
  return null;
}

export function seriesInputFrom(draft: SeriesDraft): { ok: true; input: CreateSeriesInput } | { ok: false; errors: SeriesErrors } {
  const fields: SeriesErrors['fields'] = {};
  const stepErrors = new Map<number, string>();
  const branchRules = new Map<number, RuleErrors>();
  if (!draft.name.trim()) fields.name = 'Give the series a name.';
  const entry = compileRuleDraft(draft.entry);
  if (!entry.ok) fields.entry = 'Check the entry conditions.';
  if (draft.steps.length === 0) fields.steps = 'Add at least one step.';
  draft.steps.forEach((step, i) => {
    const problem = stepProblem(step, i, draft.steps);
    if (problem) stepErrors.set(step.key, problem);
    const rule = step.type === 'branch' ? compileRuleDraft(step.rule) : null;
    if (rule && !rule.ok) branchRules.set(step.key, rule.errors);
  });
  const steps = draft.steps.map(stepOf);
  if (Object.keys(fields).length > 0 || stepErrors.size > 0 || !entry.ok || steps.some((s) => s === null)) {
    return { ok: false, errors: { fields, entry: entry.ok ? null : entry.errors, steps: stepErrors, branchRules } };
  }
  const parsed = createSeriesSchema.safeParse({ name: draft.name.trim(), entry: entry.rule, steps, status: draft.status });
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const mapped = issue ? errorsAt(issue.path, issue.message, draft) : null;
  return { ok: false, errors: mapped ?? { fields: { name: sentence(issue?.message ?? 'Invalid.') }, entry: null, steps: new Map(), branchRules: new Map() } };
}

/** An issue at `path` (of the request body) as errors on the form. */
function errorsAt(path: readonly PropertyKey[], message: string, draft: SeriesDraft): SeriesErrors | null {
  const text = sentence(message);
  const none = { entry: null, steps: new Map<number, string>(), branchRules: new Map<number, RuleErrors>() };
  if (path[0] === 'name') return { ...none, fields: { name: text } };
  if (path[0] === 'entry') return { ...none, fields: { entry: text }, entry: new Map([[keyAtPath(draft.entry.root, path.slice(1)), text]]) };
  if (path[0] === 'steps') {
    const step = typeof path[1] === 'number' ? draft.steps[path[1]] : undefined;
    if (!step) return { ...none, fields: { steps: text } };
    const branchRules = path[2] === 'rule' ? new Map([[step.key, new Map([[keyAtPath(step.rule.root, path.slice(3)), text]])]]) : none.branchRules;
    return { ...none, fields: {}, steps: new Map([[step.key, text]]), branchRules };
  }
  return null;
}

export function seriesServerErrors(message: string, draft: SeriesDraft): SeriesErrors | null {
  const issue = parseServerIssue(message);
  return issue ? errorsAt(issue.path, issue.text, draft) : null;
}

export function seriesPatch(saved: Series, input: CreateSeriesInput): UpdateSeriesInput {
  return changedKeys(saved, input);
}
