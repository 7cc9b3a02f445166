import { describe, expect, it } from 'vitest';
import { instantFromLocalInput, MAX_SNOOZE_DAYS, snoozeChoices, snoozeProblem } from './snooze-options.js';

const iso = (ms: number) => new Date(ms).toISOString();
const choices = (now: string, zone: string) =>
  Object.fromEntries(snoozeChoices(Date.parse(now), zone).map((choice) => [choice.id, iso(choice.at)]));

describe('snooze choices', () => {
  it('counts 9:00 in the agent’s zone, across a daylight-saving change (Berlin, Saturday before the spring change)', () => {
    // Saturday 29 March 2025, 16:30 CET. Clocks go forward on Sunday at 02:00.
    expect(choices('2025-03-29T15:30:00.000Z', 'Europe/Berlin')).toEqual({
      hour: '2025-03-29T16:30:00.000Z',
      tomorrow: '2025-03-30T07:00:00.000Z', // Sunday 09:00 CEST (UTC+2)
      monday: '2025-03-31T07:00:00.000Z',
    });
  });

  it('uses the local day, not the UTC one (Los Angeles late on Sunday is Monday in UTC)', () => {
    // Sunday 5 January 2025, 23:00 PST = Monday 07:00 UTC.
    expect(choices('2025-01-06T07:00:00.000Z', 'America/Los_Angeles')).toEqual({
      hour: '2025-01-06T08:00:00.000Z',
      tomorrow: '2025-01-06T17:00:00.000Z', // Monday 09:00 PST
      monday: '2025-01-06T17:00:00.000Z', // from a Sunday, next Monday is tomorrow
    });
  });

  it('on a Monday, "next Monday" is a week away (Tokyo)', () => {
    // Monday 6 January 2025, 10:00 JST.
    expect(choices('2025-01-06T01:00:00.000Z', 'Asia/Tokyo')).toEqual({
      hour: '2025-01-06T02:00:00.000Z',
      tomorrow: '2025-01-07T00:00:00.000Z',
      monday: '2025-01-13T00:00:00.000Z',
    });
  });

  it('labels the choices', () => {
    expect(snoozeChoices(0, 'UTC').map((choice) => choice.label)).toEqual(['1 hour', 'Tomorrow, 9:00', 'Next Monday, 9:00']);
  });
});

describe('a picked date and time', () => {
  it('is read in the agent’s zone, a skipped time moved forward and a repeated one taken the first time', () => {
    expect(iso(instantFromLocalInput('2025-06-02T09:15', 'Europe/Berlin') ?? 0)).toBe('2025-06-02T07:15:00.000Z');
    expect(iso(instantFromLocalInput('2025-03-30T02:30', 'Europe/Berlin') ?? 0)).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(instantFromLocalInput('2025-10-26T02:30', 'Europe/Berlin') ?? 0)).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(instantFromLocalInput('2025-06-02T09:15:30', 'UTC') ?? 0)).toBe('2025-06-02T09:15:30.000Z');
  });

  it('is refused when it is no date, in the past, or too far away', () => {
    expect(instantFromLocalInput('', 'UTC')).toBeNull();
    expect(instantFromLocalInput('2025-02-30T10:00', 'UTC')).toBeNull();
    expect(instantFromLocalInput('2025-02-03T25:00', 'UTC')).toBeNull();
    const now = Date.parse('2025-01-01T00:00:00.000Z');
    expect(snoozeProblem(now, now)).toBe('Pick a time in the future.');
    expect(snoozeProblem(now + 60_000, now)).toBeNull();
    expect(snoozeProblem(now + (MAX_SNOOZE_DAYS + 1) * 86_400_000, now)).toMatch(/at most 90 days/);
  });
});
