import { describe, expect, it } from 'vitest';
import type { Segment } from '../../protocol/index.js';
import { ruleDraftFrom } from './rule-check.js';
import { segmentDraftFrom, segmentInputFrom, segmentPatch, segmentServerErrors } from './segment-form.js';

const saved: Segment = {
  id: 'seg_1',
  name: 'Pro users',
  rule: { all: [{ attr: 'plan', op: 'eq', value: 'pro' }] },
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
};

describe('segment form', () => {
  it('round-trips and patches only what changed', () => {
    const draft = segmentDraftFrom(saved);
    const result = segmentInputFrom(draft);
    expect(result).toEqual({ ok: true, input: { name: 'Pro users', rule: saved.rule } });
    if (!result.ok) return;
    expect(segmentPatch(saved, result.input)).toEqual({});
    const renamed = segmentInputFrom({ ...draft, name: ' Pros ' });
    expect(renamed.ok && segmentPatch(saved, renamed.input)).toEqual({ name: 'Pros' });
  });

  it('a new segment with no conditions is everyone', () => {
    expect(segmentInputFrom({ ...segmentDraftFrom(null), name: 'All' })).toEqual({ ok: true, input: { name: 'All', rule: { all: [] } } });
  });

  it('names the missing name and the bad row', () => {
    const draft = { name: '  ', rule: ruleDraftFrom({ all: [{ segment: '' }] }) };
    const result = segmentInputFrom(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({ name: 'Give the segment a name.', rule: 'Check the conditions.' });
    expect(result.errors.rule?.get(draft.rule.root.children[0].key)).toBe('Choose a segment.');
  });

  it('maps the server’s refusal of the rule onto its row', () => {
    const draft = segmentDraftFrom({ ...saved, rule: { all: [{ segment: 'seg_1' }] } });
    const errors = segmentServerErrors('rule: segment "seg_1" would include itself', draft);
    expect(errors?.fields.rule).toBe('Segment "seg_1" would include itself.');
    expect(errors?.rule?.get(draft.rule.root.key)).toBe('Segment "seg_1" would include itself.');
  });
});
