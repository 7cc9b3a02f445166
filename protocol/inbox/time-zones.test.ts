/** Wall-clock conversion with Intl: offsets, the DST gap and overlap (Temporal's "compatible"), local days. */
import { describe, expect, it } from 'vitest';
import { instantOf, isoDay, isValidTimeZone, localDayOf, offsetAt, wallClockOf } from './time-zones.js';

const wall = (iso: string) => Date.parse(`${iso}Z`);
const utc = (iso: string) => new Date(instantOfIso(iso)).toISOString();
const instantOfIso = (local: string) => instantOf('Europe/Berlin', wall(local));

describe('isValidTimeZone', () => {
  it('accepts IANA names Intl knows and refuses the rest', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Jakarta', 'europe/berlin']) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Mars/Olympus', 'Europe/Berlin ', 'GMT+25', 'x'.repeat(65)]) expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('wallClockOf / offsetAt', () => {
  it('reads the local time and offset of an instant', () => {
    expect(new Date(wallClockOf('Europe/Berlin', Date.parse('2025-01-15T12:00:00.250Z'))).toISOString()).toBe('2025-01-15T13:00:00.250Z');
    expect(offsetAt('Europe/Berlin', Date.parse('2025-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(offsetAt('Europe/Berlin', Date.parse('2025-07-15T12:00:00Z'))).toBe(7_200_000);
    expect(offsetAt('Asia/Kolkata', Date.parse('2025-07-15T12:00:00Z'))).toBe(19_800_000);
    expect(offsetAt('America/New_York', Date.parse('2025-07-15T12:00:00Z'))).toBe(-14_400_000);
  });
});

describe('instantOf', () => {
  it('converts ordinary local times both sides of the changes', () => {
    expect(utc('2025-03-30T01:59:00')).toBe('2025-03-30T00:59:00.000Z');
    expect(utc('2025-03-30T03:00:00')).toBe('2025-03-30T01:00:00.000Z');
    expect(utc('2025-10-26T01:59:00')).toBe('2025-10-25T23:59:00.000Z');
    expect(utc('2025-10-26T03:00:00')).toBe('2025-10-26T02:00:00.000Z');
  });

  it('moves a time in the spring gap forward by the gap', () => {
    // 02:30 does not exist: it is read as 03:30 CEST.
    expect(utc('2025-03-30T02:30:00')).toBe('2025-03-30T01:30:00.000Z');
    expect(utc('2025-03-30T02:00:00')).toBe('2025-03-30T01:00:00.000Z');
  });

  it('takes the earlier of the two instants of a repeated autumn time', () => {
    expect(utc('2025-10-26T02:30:00')).toBe('2025-10-26T00:30:00.000Z');
    expect(utc('2025-10-26T02:00:00')).toBe('2025-10-26T00:00:00.000Z');
  });

  it('round-trips every quarter hour of a year in New York', () => {
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2026-01-01T00:00:00Z'); t += 15 * 60_000 * 97) {
      expect(instantOf('America/New_York', wallClockOf('America/New_York', t))).toBeLessThanOrEqual(t);
    }
  });
});

describe('localDayOf / isoDay', () => {
  it('is the local date, which may differ from the UTC date', () => {
    expect(isoDay(localDayOf('Europe/Berlin', Date.parse('2025-03-30T22:30:00Z')))).toBe('2025-03-31');
    expect(isoDay(localDayOf('America/New_York', Date.parse('2025-03-31T02:00:00Z')))).toBe('2025-03-30');
    expect(isoDay(localDayOf('UTC', Date.parse('2025-03-31T00:00:00Z')))).toBe('2025-03-31');
  });
});
