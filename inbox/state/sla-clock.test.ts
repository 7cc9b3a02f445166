import { describe, expect, it } from 'vitest';
import { nextSlaChangeIn, slaView } from './sla-clock.js';

const NOW = Date.parse('2025-03-31T09:00:00Z');
const due = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('SLA clock', () => {
  it('has nothing to say without a running clock', () => {
    expect(slaView({ dueAt: null, kind: null, breached: false }, NOW)).toBeNull();
    expect(slaView(undefined, NOW)).toBeNull();
    expect(nextSlaChangeIn({ dueAt: null, kind: null, breached: false }, NOW)).toBeNull();
  });

  it('reads due, due soon and breached by the client’s own clock', () => {
    expect(slaView({ dueAt: due(12), kind: 'first_response', breached: false }, NOW)).toEqual({
      tone: 'soon',
      text: 'Due in 12 min',
      description: 'First response SLA: due in 12 min',
    });
    expect(slaView({ dueAt: due(11.5), kind: 'next_response', breached: false }, NOW)?.text).toBe('Due in 12 min');
    expect(slaView({ dueAt: due(90), kind: 'resolution', breached: false }, NOW)).toMatchObject({ tone: 'ok', text: 'Due in 1 h 30 min' });
    // The server said "not breached" a while ago; the deadline has passed since.
    expect(slaView({ dueAt: due(-5), kind: 'first_response', breached: false }, NOW)).toEqual({
      tone: 'breached',
      text: 'Breached',
      description: 'First response SLA breached 5 min ago',
    });
    expect(slaView({ dueAt: due(0), kind: 'resolution', breached: false }, NOW)?.description).toBe('Resolution SLA breached just now');
  });

  it('wakes up when the words change', () => {
    expect(nextSlaChangeIn({ dueAt: due(12.25), kind: 'first_response', breached: false }, NOW)).toBe(15_001);
    expect(nextSlaChangeIn({ dueAt: due(12), kind: 'first_response', breached: false }, NOW)).toBe(60_001);
    expect(nextSlaChangeIn({ dueAt: due(-0.5), kind: 'first_response', breached: true }, NOW)).toBe(30_001);
  });
});
