import { describe, expect, it } from 'vitest';
import { goalWindowOpen, inSchedule, maySend } from './send-policy.js';

const DAY = 86_400_000;
const now = Date.parse('2026-06-10T12:00:00Z');

describe('inSchedule', () => {
  it.each([
    [null, true],
    [{}, true],
    [{ start_at: '2026-06-11T00:00:00Z' }, false],
    [{ start_at: '2026-06-01T00:00:00Z' }, true],
    [{ end_at: '2026-06-10T12:00:00Z' }, false],
    [{ start_at: '2026-06-01T00:00:00Z', end_at: '2026-06-20T00:00:00Z' }, true],
  ])('%j → %s', (schedule, expected) => expect(inSchedule(schedule, now)).toBe(expected));
});

describe('maySend', () => {
  it('sends once by default', () => {
    expect(maySend({ sentAt: [], goalReached: false }, null, null, now)).toBe(true);
    expect(maySend({ sentAt: [now - 30 * DAY], goalReached: false }, null, null, now)).toBe(false);
  });

  it('sends up to max_per_contact, every_days apart', () => {
    const f = { max_per_contact: 3, every_days: 7 };
    expect(maySend({ sentAt: [now - 8 * DAY], goalReached: false }, f, null, now)).toBe(true);
    expect(maySend({ sentAt: [now - 6 * DAY], goalReached: false }, f, null, now)).toBe(false);
    expect(maySend({ sentAt: [now - 30 * DAY, now - 20 * DAY, now - 10 * DAY], goalReached: false }, f, null, now)).toBe(false);
  });

  it('stops once the goal is reached, unless until_goal is false', () => {
    const goal = { event: 'paid', within_days: 7 };
    expect(maySend({ sentAt: [now - 8 * DAY], goalReached: true }, { max_per_contact: 5 }, goal, now)).toBe(false);
    expect(maySend({ sentAt: [now - 8 * DAY], goalReached: false }, { max_per_contact: 5 }, goal, now)).toBe(true);
    expect(maySend({ sentAt: [now - 8 * DAY], goalReached: true }, { max_per_contact: 5, until_goal: false }, goal, now)).toBe(true);
  });
});

describe('goalWindowOpen', () => {
  const goal = { event: 'paid', within_days: 3 };
  it('counts events after the send and within the window only', () => {
    expect(goalWindowOpen(now, goal, now + DAY)).toBe(true);
    expect(goalWindowOpen(now, goal, now + 3 * DAY)).toBe(true);
    expect(goalWindowOpen(now, goal, now + 3 * DAY + 1)).toBe(false);
    expect(goalWindowOpen(now, goal, now - 1)).toBe(false);
  });
});
