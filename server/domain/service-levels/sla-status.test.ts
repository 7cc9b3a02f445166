/** The SLA clock on fixed conversations: which target runs, wall clock or business minutes, breach. */
import { describe, expect, it } from 'vitest';
import { type BusinessHours, closedWeek, type SlaPolicy } from '../../../protocol/index.js';
import { type SlaClockInput, slaStatus } from './sla-status.js';

const policy: SlaPolicy = { first_response_minutes: 30, next_response_minutes: 60, resolution_minutes: 8 * 60 };
const conv = (over: Partial<SlaClockInput> = {}): SlaClockInput => ({ status: 'open', created_at: '2025-03-31T09:00:00.000Z', ...over });
const at = (iso: string) => new Date(iso);
// Monday to Friday 09:00–17:00 in London (UTC+1 in summer, UTC+0 in winter).
const london: BusinessHours = { timezone: 'Europe/London', days: { ...closedWeek(), mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], fri: [['09:00', '17:00']] } };

describe('slaStatus', () => {
  it('runs nothing without a policy, or when snoozed or closed', () => {
    const waiting = conv({ waiting_since: '2025-03-31T09:00:00.000Z' });
    const none = { dueAt: null, kind: null, breached: false };
    expect(slaStatus(waiting, null, null, at('2025-03-31T09:10:00Z'))).toEqual(none);
    expect(slaStatus({ ...waiting, status: 'snoozed' }, policy, null, at('2025-03-31T09:10:00Z'))).toEqual(none);
    expect(slaStatus({ ...waiting, status: 'closed' }, policy, null, at('2025-03-31T09:10:00Z'))).toEqual(none);
    expect(slaStatus(waiting, {}, null, at('2025-03-31T09:10:00Z'))).toEqual(none);
  });

  it('counts the first response from the wait, in wall-clock minutes without business hours', () => {
    const waiting = conv({ waiting_since: '2025-03-31T09:00:00.000Z' });
    expect(slaStatus(waiting, policy, null, at('2025-03-31T09:10:00Z'))).toEqual({ dueAt: '2025-03-31T09:30:00.000Z', kind: 'first_response', breached: false });
    // Due is the moment it breaches.
    expect(slaStatus(waiting, policy, null, at('2025-03-31T09:30:00Z')).breached).toBe(true);
  });

  it('switches to the next response once the team has replied and the visitor waits again', () => {
    const again = conv({ first_response_at: '2025-03-31T09:05:00.000Z', waiting_since: '2025-03-31T10:00:00.000Z' });
    expect(slaStatus(again, policy, null, at('2025-03-31T12:00:00Z'))).toEqual({ dueAt: '2025-03-31T11:00:00.000Z', kind: 'next_response', breached: true });
  });

  it('reports resolution when nobody waits, from the last reopening', () => {
    const answered = conv({ first_response_at: '2025-03-31T09:05:00.000Z' });
    expect(slaStatus(answered, policy, null, at('2025-03-31T10:00:00Z'))).toEqual({ dueAt: '2025-03-31T17:00:00.000Z', kind: 'resolution', breached: false });
    const reopened = conv({ first_response_at: '2025-03-31T09:05:00.000Z', reopened_at: '2025-04-01T08:00:00.000Z' });
    expect(slaStatus(reopened, policy, null, at('2025-04-01T09:00:00Z')).dueAt).toBe('2025-04-01T16:00:00.000Z');
  });

  it('reports whichever target is due first', () => {
    // Resolution (09:00 + 8 h = 17:00) comes before a next response asked at 16:30 (+60 min = 17:30).
    const late = conv({ first_response_at: '2025-03-31T09:05:00.000Z', waiting_since: '2025-03-31T16:30:00.000Z' });
    expect(slaStatus(late, policy, null, at('2025-03-31T16:40:00Z'))).toMatchObject({ kind: 'resolution', dueAt: '2025-03-31T17:00:00.000Z' });
    // A policy with only a resolution target ignores the wait.
    expect(slaStatus(late, { resolution_minutes: 600 }, null, at('2025-03-31T16:40:00Z'))).toMatchObject({ kind: 'resolution', dueAt: '2025-03-31T19:00:00.000Z' });
  });

  it('counts business minutes when there are business hours', () => {
    // Friday 28 March 16:50 GMT: 10 minutes left that day, 20 more on Monday 31 March from 09:00 BST (08:00Z).
    const friday = conv({ created_at: '2025-03-28T16:50:00.000Z', waiting_since: '2025-03-28T16:50:00.000Z' });
    expect(slaStatus(friday, policy, london, at('2025-03-29T12:00:00Z'))).toEqual({ dueAt: '2025-03-31T08:20:00.000Z', kind: 'first_response', breached: false });
    expect(slaStatus(friday, policy, london, at('2025-03-31T08:20:00Z')).breached).toBe(true);
  });

  it('has no due time when the business hours never open', () => {
    const neverOpen: BusinessHours = { timezone: 'UTC', days: closedWeek() };
    expect(slaStatus(conv({ waiting_since: '2025-03-31T09:00:00.000Z' }), policy, neverOpen, at('2025-03-31T10:00:00Z'))).toEqual({ dueAt: null, kind: null, breached: false });
  });
});
