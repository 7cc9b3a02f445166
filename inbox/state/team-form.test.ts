import { describe, expect, it } from 'vitest';
import { capacityText, isAtCapacity } from './assignment-labels.js';
import { capacityFromText, memberNames, teamNameProblem, toggleMember } from './team-form.js';

describe('team form', () => {
  it('adds a member at the end of the round-robin order and removes one keeping the others’ turns', () => {
    expect(toggleMember(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggleMember(['a', 'b', 'c'], 'b', false)).toEqual(['a', 'c']);
    expect(toggleMember(['a'], 'a', true)).toEqual(['a']);
  });

  it('needs a unique name (any case), as the server does', () => {
    const teams = [{ id: 't1', name: 'Support' }];
    expect(teamNameProblem('  ', teams, null)).toBe('Give the team a name.');
    expect(teamNameProblem('support ', teams, null)).toBe('There is already a team called “support”.');
    expect(teamNameProblem('Support', teams, 't1')).toBe('');
    expect(teamNameProblem('x'.repeat(81), teams, null)).toBe('At most 80 characters.');
  });

  it('reads capacities and says how full an agent is', () => {
    expect(capacityFromText(' 5 ')).toEqual({ ok: true, value: 5 });
    expect(capacityFromText('0')).toEqual({ ok: true, value: 0 });
    for (const text of ['', '-1', '2.5', '1001', 'many']) expect(capacityFromText(text).ok).toBe(false);
    expect(capacityText({ capacity: 5, open_assigned: 3 })).toBe('3 of 5 open');
    expect(capacityText({ capacity: 0, open_assigned: 3 })).toBe('3 open, no limit');
    expect(capacityText({ capacity: 2, open_assigned: 2 })).toBe('At capacity: 2 of 2 open');
    expect(capacityText({})).toBe('');
    expect(isAtCapacity({ capacity: 2, open_assigned: 2 })).toBe(true);
    expect(isAtCapacity({ capacity: 0, open_assigned: 9 })).toBe(false);
  });

  it('lists members in a line', () => {
    const names = new Map([
      ['a', 'Ada'],
      ['g', 'Grace'],
      ['k', 'Katherine'],
      ['m', 'Margaret'],
    ]);
    expect(memberNames([], names)).toBe('No members');
    expect(memberNames(['a'], names)).toBe('Ada');
    expect(memberNames(['a', 'g', 'x'], names)).toBe('Ada, Grace and Unknown agent');
    expect(memberNames(['a', 'g', 'k', 'm'], names)).toBe('Ada, Grace, Katherine and 1 more');
  });
});
