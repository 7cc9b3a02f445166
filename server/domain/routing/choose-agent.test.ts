import { describe, expect, it } from 'vitest';
import { type Candidate, chooseAgent } from './choose-agent.js';

const agent = (agentId: string, position: number, extra: Partial<Candidate> = {}): Candidate => ({
  agentId,
  position,
  load: 0,
  capacity: 0,
  lastAssignedAt: null,
  ...extra,
});

describe('chooseAgent', () => {
  it('round robin starts after the cursor and wraps around', () => {
    const team = [agent('c', 2), agent('a', 0), agent('b', 1)];
    expect(chooseAgent('round_robin', team, null)?.agentId).toBe('a');
    expect(chooseAgent('round_robin', team, 0)?.agentId).toBe('b');
    expect(chooseAgent('round_robin', team, 1)?.agentId).toBe('c');
    expect(chooseAgent('round_robin', team, 2)?.agentId).toBe('a');
  });

  it('round robin skips members who are full, and the cursor may be someone not eligible now', () => {
    const team = [agent('a', 0), agent('b', 1, { load: 2, capacity: 2 }), agent('d', 3)];
    expect(chooseAgent('round_robin', team, 0)?.agentId).toBe('d');
    // The cursor's member (position 2) is offline, so not a candidate: the next one after it.
    expect(chooseAgent('round_robin', team, 2)?.agentId).toBe('d');
  });

  it('least busy takes the fewest open, then the longest since the last assignment, then team order', () => {
    expect(chooseAgent('least_busy', [agent('a', 0, { load: 3 }), agent('b', 1, { load: 1 })], null)?.agentId).toBe('b');
    const tied = [
      agent('a', 0, { load: 1, lastAssignedAt: '2025-01-01T10:00:00.000Z' }),
      agent('b', 1, { load: 1, lastAssignedAt: '2025-01-01T09:00:00.000Z' }),
    ];
    expect(chooseAgent('least_busy', tied, null)?.agentId).toBe('b');
    expect(chooseAgent('least_busy', [...tied, agent('c', 2, { load: 1 })], null)?.agentId).toBe('c');
    expect(chooseAgent('least_busy', [agent('b', 1), agent('a', 0)], null)?.agentId).toBe('a');
  });

  it('respects capacity (0 = no limit) and answers null when everyone is full', () => {
    expect(chooseAgent('least_busy', [agent('a', 0, { load: 500, capacity: 0 })], null)?.agentId).toBe('a');
    const full = [agent('a', 0, { load: 3, capacity: 3 }), agent('b', 1, { load: 4, capacity: 3 })];
    expect(chooseAgent('least_busy', full, null)).toBeNull();
    expect(chooseAgent('round_robin', full, null)).toBeNull();
    expect(chooseAgent('round_robin', [], null)).toBeNull();
  });
});
