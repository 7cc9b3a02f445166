import { describe, expect, it } from 'vitest';
import type { AssignmentRule } from '../../protocol/index.js';
import { assignmentRuleDraftFrom, assignmentRuleInputFrom, assignmentRulePatch, assignmentRuleSummary, conditionSummary, inOrder } from './assignment-rule-form.js';
import { ruleDraftFrom } from './rule-check.js';

const rule: AssignmentRule = {
  id: 'arule_1',
  name: 'Billing questions',
  position: 0,
  enabled: true,
  when: { any: [{ attr: 'conversation.first_message', op: 'contains', value: 'invoice' }, { segment: 'seg_1' }] },
  team_id: 'team_1',
  priority: 'high',
  strategy: 'round_robin',
  created_at: '',
  updated_at: '',
};

describe('assignment rule form', () => {
  it('starts a new rule enabled, for every conversation, round robin, no team', () => {
    const draft = assignmentRuleDraftFrom(null);
    expect(assignmentRuleInputFrom({ ...draft, name: ' Catch-all ' })).toEqual({
      ok: true,
      input: { name: 'Catch-all', enabled: true, when: { all: [] }, team_id: null, priority: null, strategy: 'round_robin' },
    });
  });

  it('needs a name and a valid condition', () => {
    const draft = { ...assignmentRuleDraftFrom(null), when: ruleDraftFrom({ all: [{ attr: 'seats', op: 'gt', value: 5 }] }) };
    draft.when = { ...draft.when, json: '{"all": [' };
    const result = assignmentRuleInputFrom(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.name).toBe('Give the rule a name.');
      expect(result.errors.when?.size).toBe(1);
    }
  });

  it('patches only what changed', () => {
    const draft = assignmentRuleDraftFrom(rule);
    const same = assignmentRuleInputFrom(draft);
    expect(same.ok && assignmentRulePatch(rule, same.input)).toEqual({});
    const changed = assignmentRuleInputFrom({ ...draft, teamId: '', priority: '', strategy: 'least_busy' });
    expect(changed.ok && assignmentRulePatch(rule, changed.input)).toEqual({ team_id: null, priority: null, strategy: 'least_busy' });
  });

  it('summarises where a matching conversation goes', () => {
    expect(assignmentRuleSummary(rule, [{ id: 'team_1', name: 'Billing' }])).toBe('any of 2 conditions · to Billing · priority high · round robin');
    expect(assignmentRuleSummary({ ...rule, team_id: 'gone', priority: null }, [])).toBe('any of 2 conditions · to a deleted team · round robin');
    expect(assignmentRuleSummary({ ...rule, when: { all: [] }, team_id: null }, [])).toBe('Every conversation · no team · priority high');
    expect(conditionSummary({ attr: 'plan', op: 'eq', value: 'pro' })).toBe('1 condition');
    expect(inOrder([{ ...rule, id: 'b', position: 1 }, { ...rule, id: 'a', position: 0 }]).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
