/** The automation editor's model: actions to drafts and back, what a row lacks, moves, and the PATCH of what changed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTOMATION_LIMITS, automationActionSchema, type AutomationAction } from '../../protocol/index.js';
import { automationRule } from '../test-support/automation-fixtures.js';
import { actionDraftFrom, actionFromDraft, moveAction, newActionDraft } from './automation-actions-draft.js';
import { automationRuleDraftFrom, automationRuleInputFrom, automationRulePatch, orderAfterMove } from './automation-rule-form.js';

const id = fc.stringMatching(/^[a-z0-9_]{1,20}$/);
const actionArb: fc.Arbitrary<AutomationAction> = fc.oneof(
  fc.record({ type: fc.constant('assign' as const), team_id: id, agent_id: id }),
  fc.record({ type: fc.constant('assign' as const), team_id: id }),
  fc.record({ type: fc.constant('assign' as const), agent_id: id }),
  fc.constantFrom<AutomationAction>({ type: 'unassign' }, { type: 'close' }),
  fc.record({ type: fc.constantFrom('add_tag' as const, 'remove_tag' as const), tag_id: id }),
  fc.record({ type: fc.constant('set_priority' as const), priority: fc.constantFrom('low' as const, 'normal' as const, 'high' as const, 'urgent' as const) }),
  fc.record({ type: fc.constant('send_canned_reply' as const), canned_reply_id: id }),
  fc.record({ type: fc.constant('call_webhook' as const), webhook_id: id }),
  fc.record({ type: fc.constant('add_note' as const), body: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0) }),
  fc.record({ type: fc.constant('snooze' as const), minutes: fc.integer({ min: 1, max: AUTOMATION_LIMITS.snoozeMinutes }) }),
);

describe('automation action drafts', () => {
  it('give back every valid action unchanged, and what they give the server accepts', () => {
    fc.assert(
      fc.property(actionArb, (action) => {
        const back = actionFromDraft(actionDraftFrom(action));
        expect(back).toEqual({ ok: true, action });
        expect(automationActionSchema.safeParse(action).success).toBe(true);
      }),
    );
  });

  it('say what a row lacks', () => {
    const blank = (type: Parameters<typeof newActionDraft>[0]) => actionFromDraft(newActionDraft(type));
    expect(blank('assign')).toEqual({ ok: false, error: 'Choose a team, an agent or both.' });
    expect(blank('add_tag')).toEqual({ ok: false, error: 'Choose a tag.' });
    expect(blank('send_canned_reply')).toEqual({ ok: false, error: 'Choose a canned reply.' });
    expect(blank('call_webhook')).toEqual({ ok: false, error: 'Choose a webhook.' });
    expect(blank('add_note')).toEqual({ ok: false, error: 'Write the note.' });
    expect(actionFromDraft({ ...newActionDraft('snooze'), minutes: '1.5' })).toMatchObject({ ok: false });
    expect(actionFromDraft({ ...newActionDraft('snooze'), minutes: String(AUTOMATION_LIMITS.snoozeMinutes + 1) })).toMatchObject({ ok: false });
    expect(blank('snooze')).toEqual({ ok: true, action: { type: 'snooze', minutes: 60 } });
  });

  it('move within the list and stay put at its ends', () => {
    const [a, b, c] = [newActionDraft('close'), newActionDraft('unassign'), newActionDraft('add_note')];
    expect(moveAction([a, b, c], c.key, -1).map((x) => x.key)).toEqual([a.key, c.key, b.key]);
    expect(moveAction([a, b, c], a.key, -1).map((x) => x.key)).toEqual([a.key, b.key, c.key]);
    expect(orderAfterMove([{ id: 'x' }, { id: 'y' }, { id: 'z' }], 'x', 1)).toEqual(['y', 'x', 'z']);
    expect(orderAfterMove([{ id: 'x' }, { id: 'y' }], 'y', 1)).toEqual(['x', 'y']);
  });
});

describe('automation rule form', () => {
  it('sends only what changed; opening and saving a rule changes nothing', () => {
    const saved = automationRule({ conditions: { attr: 'message.body', op: 'contains', value: 'refund' }, actions: [{ type: 'add_tag', tag_id: 'tag_1' }] });
    const draft = automationRuleDraftFrom(saved);
    const unchanged = automationRuleInputFrom(draft);
    if (!unchanged.ok) throw new Error('expected a valid draft');
    expect(automationRulePatch(saved, unchanged.input)).toEqual({});
    const renamed = automationRuleInputFrom({ ...draft, name: ' Renamed ', stopProcessing: true });
    if (!renamed.ok) throw new Error('expected a valid draft');
    expect(automationRulePatch(saved, renamed.input)).toEqual({ name: 'Renamed', stop_processing: true });
  });

  it('collects every problem at once', () => {
    const draft = { ...automationRuleDraftFrom(null), actions: [newActionDraft('add_tag')] };
    const checked = automationRuleInputFrom(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.name).toBe('Give the rule a name.');
    expect([...(checked.errors.action ?? new Map()).values()]).toEqual(['Choose a tag.']);
  });
});
