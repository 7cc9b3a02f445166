import { describe, expect, it } from 'vitest';
import type { Series } from '../../protocol/index.js';
import {
  addStep,
  branchTargets,
  moveStep,
  nextStepId,
  removeStep,
  seriesDraftFrom,
  seriesInputFrom,
  seriesPatch,
  seriesServerErrors,
  type SeriesDraft,
} from './series-form.js';

const saved: Series = {
  id: 'ser_1',
  name: 'Onboarding',
  entry: { all: [{ event: 'signed_up', op: 'count_gte', value: 1 }] },
  steps: [
    { id: 'welcome', type: 'message', message_id: 'msg_1' },
    { id: 'pause', type: 'wait', days: 2, until_event: 'activated' },
    { id: 'check', type: 'branch', rule: { all: [{ attr: 'plan', op: 'eq', value: 'pro' }] }, then: 'exit', else: 'nudge' },
    { id: 'nudge', type: 'message', message_id: 'msg_2' },
  ],
  status: 'live',
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
};

function input(draft: SeriesDraft) {
  const result = seriesInputFrom(draft);
  if (!result.ok) throw new Error(JSON.stringify([...result.errors.steps.values(), result.errors.fields]));
  return result.input;
}

describe('series form', () => {
  it('round-trips a saved series: nothing to PATCH', () => {
    const body = input(seriesDraftFrom(saved));
    expect(body).toEqual({ name: 'Onboarding', entry: saved.entry, steps: saved.steps, status: 'live' });
    expect(seriesPatch(saved, body)).toEqual({});
  });

  it('adds steps with fresh ids, moves and removes them', () => {
    let steps = seriesDraftFrom(null).steps;
    steps = addStep(steps, 'message');
    steps = addStep(steps, 'wait');
    steps = addStep(steps, 'branch');
    expect(steps.map((s) => [s.id, s.type])).toEqual([
      ['step-1', 'message'],
      ['step-2', 'wait'],
      ['step-3', 'branch'],
    ]);
    steps = moveStep(steps, steps[2].key, -1);
    expect(steps.map((s) => s.id)).toEqual(['step-1', 'step-3', 'step-2']);
    expect(moveStep(steps, steps[0].key, -1).map((s) => s.id)).toEqual(['step-1', 'step-3', 'step-2']);
    expect(nextStepId(removeStep(steps, steps[0].key))).toBe('step-1');
  });

  it('retargets branches when their target is removed, and offers only later steps', () => {
    const draft = seriesDraftFrom(saved);
    const nudge = draft.steps[3];
    const steps = removeStep(draft.steps, nudge.key);
    expect(steps[2]).toMatchObject({ then: 'exit', else: 'next' });
    expect(branchTargets(draft.steps, 2)).toEqual([
      { value: 'next', label: 'Next step' },
      { value: 'exit', label: 'Exit' },
      { value: 'nudge', label: 'Step 4' },
    ]);
  });

  it('refuses a branch that points back after a move, and names empty steps', () => {
    const draft = seriesDraftFrom(saved);
    const check = draft.steps[2];
    const moved = { ...draft, steps: moveStep(draft.steps, draft.steps[3].key, -1) };
    moved.steps = moveStep(moved.steps, moved.steps[1].key, -1);
    // nudge is now before the branch that jumps to it.
    const result = seriesInputFrom({ ...moved, name: '', steps: [...moved.steps, { ...addStep([], 'message')[0], id: 'x' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({ name: 'Give the series a name.' });
    expect(result.errors.steps.get(check.key)).toBe('A branch can only go to a later step, the next step or exit.');
    expect([...result.errors.steps.values()]).toContain('Choose a message.');
    expect(seriesInputFrom({ ...draft, steps: [] }).ok).toBe(false);
  });

  it('maps the server’s refusal onto the step', () => {
    const draft = seriesDraftFrom(saved);
    const errors = seriesServerErrors('steps.0.message_id: unknown message', draft);
    expect(errors?.steps.get(draft.steps[0].key)).toBe('Unknown message.');
  });
});
