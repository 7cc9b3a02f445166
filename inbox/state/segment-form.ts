/** The segment editor's draft (name + rule), its request body, and the server's refusal on its fields. */
import { createSegmentSchema, type CreateSegmentInput, type Segment, type UpdateSegmentInput } from '../../protocol/index.js';
import { changedKeys, parseServerIssue, sentence, type FieldErrors } from './form-issues.js';
import { compileRuleDraft, keyAtPath, ruleDraftFrom, type RuleDraft, type RuleErrors } from './rule-check.js';

export interface SegmentDraft {
  name: string;
  rule: RuleDraft;
}

export interface SegmentErrors {
  fields: FieldErrors<'name' | 'rule'>;
  rule: RuleErrors | null;
}

export function segmentDraftFrom(segment: Segment | null): SegmentDraft {
  return { name: segment?.name ?? '', rule: ruleDraftFrom(segment?.rule ?? null) };
}

export function segmentInputFrom(draft: SegmentDraft): { ok: true; input: CreateSegmentInput } | { ok: false; errors: SegmentErrors } {
  const fields: SegmentErrors['fields'] = {};
  if (!draft.name.trim()) fields.name = 'Give the segment a name.';
  const rule = compileRuleDraft(draft.rule);
  if (!rule.ok) fields.rule = 'Check the conditions.';
  if (!rule.ok || fields.name) return { ok: false, errors: { fields, rule: rule.ok ? null : rule.errors } };
  const parsed = createSegmentSchema.safeParse({ name: draft.name.trim(), rule: rule.rule });
  if (!parsed.success) return { ok: false, errors: { fields: { name: sentence(parsed.error.issues[0]?.message ?? 'Invalid.') }, rule: null } };
  return { ok: true, input: parsed.data };
}

export function segmentPatch(saved: Segment, input: CreateSegmentInput): UpdateSegmentInput {
  return changedKeys(saved, input);
}

export function segmentServerErrors(message: string, draft: SegmentDraft): SegmentErrors | null {
  const issue = parseServerIssue(message);
  if (!issue) return null;
  const text = sentence(issue.text);
  if (issue.path[0] === 'name') return { fields: { name: text }, rule: null };
  if (issue.path[0] === 'rule') return { fields: { rule: text }, rule: new Map([[keyAtPath(draft.rule.root, issue.path.slice(1)), text]]) };
  return null;
}
