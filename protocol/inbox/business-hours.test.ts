/**
 * Business hours on fixed dates: weekday schedules, lunch breaks, intervals
 * running past midnight, 24:00, closed weeks, and the Berlin DST changes of
 * 2025 (Sunday 30 March: 02:00 CET → 03:00 CEST; Sunday 26 October:
 * 03:00 CEST → 02:00 CET), plus properties over random schedules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessHours,
  businessMinutesBetween,
  closedWeek,
  hasOpenTime,
  isOpen,
  minutesOfDay,
  nextOpening,
  type OpeningInterval,
  WEEKDAYS,
  type Weekday,
} from './business-hours.js';

const at = (iso: string) => new Date(iso);
const hours = (timezone: string, days: Partial<Record<Weekday, OpeningInterval[]>>): BusinessHours => ({ timezone, days: { ...closedWeek(), ...days } });
const nineToFive: OpeningInterval[] = [['09:00', '17:00']];
const berlinOffice = hours('Europe/Berlin', { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive });
const allDay: OpeningInterval[] = [['00:00', '24:00']];
const always = hours('Europe/Berlin', Object.fromEntries(WEEKDAYS.map((d) => [d, allDay])));

describe('minutesOfDay', () => {
  it('reads HH:MM from 00:00 to 24:00 and nothing else', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('09:30')).toBe(570);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(minutesOfDay('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '9:00', '09:60', '0900', '', '09:00:00']) expect(minutesOfDay(bad)).toBeNull();
  });
});

describe('isOpen', () => {
  it('includes the opening minute and excludes the closing one, in summer and in winter', () => {
    // Monday 31 March 2025 is in CEST (UTC+2).
    expect(isOpen(berlinOffice, at('2025-03-31T06:59:59Z'))).toBe(false);
    expect(isOpen(berlinOffice, at('2025-03-31T07:00:00Z'))).toBe(true);
    expect(isOpen(berlinOffice, at('2025-03-31T14:59:59Z'))).toBe(true);
    expect(isOpen(berlinOffice, at('2025-03-31T15:00:00Z'))).toBe(false);
    // Friday 28 March 2025 is still CET (UTC+1).
    expect(isOpen(berlinOffice, at('2025-03-28T07:59:59Z'))).toBe(false);
    expect(isOpen(berlinOffice, at('2025-03-28T08:00:00Z'))).toBe(true);
    expect(isOpen(berlinOffice, at('2025-03-28T16:00:00Z'))).toBe(false);
  });

  it('is closed at the weekend and all week on a closed schedule', () => {
    expect(isOpen(berlinOffice, at('2025-03-29T10:00:00Z'))).toBe(false);
    const closed = hours('UTC', {});
    expect(hasOpenTime(closed)).toBe(false);
    expect(isOpen(closed, at('2025-03-31T10:00:00Z'))).toBe(false);
  });

  it('closes over lunch with several intervals in a day', () => {
    const lunch = hours('UTC', { mon: [['09:00', '12:00'], ['13:00', '17:00']] });
    expect(isOpen(lunch, at('2025-03-31T11:59:00Z'))).toBe(true);
    expect(isOpen(lunch, at('2025-03-31T12:30:00Z'))).toBe(false);
    expect(isOpen(lunch, at('2025-03-31T13:00:00Z'))).toBe(true);
  });

  it('runs an interval whose end is before its start past midnight, into the next day', () => {
    const nights = hours('UTC', { fri: [['22:00', '02:00']] });
    expect(isOpen(nights, at('2025-03-28T21:59:00Z'))).toBe(false);
    expect(isOpen(nights, at('2025-03-28T22:00:00Z'))).toBe(true);
    expect(isOpen(nights, at('2025-03-29T01:59:00Z'))).toBe(true);
    expect(isOpen(nights, at('2025-03-29T02:00:00Z'))).toBe(false);
    // "00:00" as an end is the same midnight as "24:00".
    const lateShift = hours('UTC', { fri: [['20:00', '00:00']] });
    expect(isOpen(lateShift, at('2025-03-28T23:59:59Z'))).toBe(true);
    expect(isOpen(lateShift, at('2025-03-29T00:00:00Z'))).toBe(false);
  });

  it('works in zones with half-hour offsets', () => {
    // Asia/Kolkata is UTC+5:30 all year.
    const india = hours('Asia/Kolkata', { mon: nineToFive });
    expect(isOpen(india, at('2025-03-31T03:29:00Z'))).toBe(false);
    expect(isOpen(india, at('2025-03-31T03:30:00Z'))).toBe(true);
    expect(isOpen(india, at('2025-03-31T11:29:00Z'))).toBe(true);
    expect(isOpen(india, at('2025-03-31T11:30:00Z'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('is the moment itself when open', () => {
    expect(nextOpening(berlinOffice, at('2025-03-31T10:00:00Z'))?.toISOString()).toBe('2025-03-31T10:00:00.000Z');
    expect(nextOpening(always, at('2025-10-26T01:30:00Z'))?.toISOString()).toBe('2025-10-26T01:30:00.000Z');
  });

  it('skips the weekend across the spring DST change (Friday CET → Monday CEST)', () => {
    expect(nextOpening(berlinOffice, at('2025-03-28T16:00:00Z'))?.toISOString()).toBe('2025-03-31T07:00:00.000Z');
  });

  it('skips the weekend across the autumn DST change (Friday CEST → Monday CET)', () => {
    expect(nextOpening(berlinOffice, at('2025-10-24T15:00:00Z'))?.toISOString()).toBe('2025-10-27T08:00:00.000Z');
  });

  it('finds the afternoon after lunch, and the same weekday a week later', () => {
    const lunch = hours('UTC', { mon: [['09:00', '12:00'], ['13:00', '17:00']] });
    expect(nextOpening(lunch, at('2025-03-31T12:30:00Z'))?.toISOString()).toBe('2025-03-31T13:00:00.000Z');
    expect(nextOpening(lunch, at('2025-03-31T17:00:00Z'))?.toISOString()).toBe('2025-04-07T09:00:00.000Z');
  });

  it('treats back-to-back intervals across midnight as one opening', () => {
    const evening = hours('UTC', { mon: [['18:00', '24:00']], tue: [['00:00', '06:00']] });
    expect(nextOpening(evening, at('2025-03-31T23:00:00Z'))?.toISOString()).toBe('2025-03-31T23:00:00.000Z');
    expect(isOpen(evening, at('2025-04-01T00:00:00Z'))).toBe(true);
    expect(nextOpening(evening, at('2025-04-01T06:00:00Z'))?.toISOString()).toBe('2025-04-07T18:00:00.000Z');
  });

  it('is null when the schedule never opens', () => {
    expect(nextOpening(hours('UTC', {}), at('2025-03-31T10:00:00Z'))).toBeNull();
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open time, across a weekend and a DST change', () => {
    // Friday 16:00 CET → 17:00 (60) + Monday 09:00 → 10:00 CEST (60).
    expect(businessMinutesBetween(berlinOffice, at('2025-03-28T15:00:00Z'), at('2025-03-31T08:00:00Z'))).toBe(120);
    expect(businessMinutesBetween(berlinOffice, at('2025-03-31T07:00:00Z'), at('2025-03-31T15:00:00Z'))).toBe(480);
    // Two full weeks: 10 days × 8 hours.
    expect(businessMinutesBetween(berlinOffice, at('2025-03-24T00:00:00Z'), at('2025-04-07T00:00:00Z'))).toBe(4800);
  });

  it('is 0 for an empty or reversed span and when closed', () => {
    expect(businessMinutesBetween(berlinOffice, at('2025-03-31T10:00:00Z'), at('2025-03-31T10:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(berlinOffice, at('2025-03-31T12:00:00Z'), at('2025-03-31T10:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(berlinOffice, at('2025-03-29T00:00:00Z'), at('2025-03-30T23:00:00Z'))).toBe(0);
  });

  it('has a 23-hour day in spring and a 25-hour day in autumn', () => {
    const sundays = hours('Europe/Berlin', { sun: allDay });
    expect(businessMinutesBetween(sundays, at('2025-03-29T12:00:00Z'), at('2025-03-31T12:00:00Z'))).toBe(23 * 60);
    expect(businessMinutesBetween(sundays, at('2025-10-25T12:00:00Z'), at('2025-10-27T12:00:00Z'))).toBe(25 * 60);
    expect(businessMinutesBetween(sundays, at('2025-04-05T12:00:00Z'), at('2025-04-07T12:00:00Z'))).toBe(24 * 60);
  });

  it('maps local times in the gap forward and repeated local times to their first occurrence', () => {
    // 02:00–03:00 does not exist on 30 March: nothing is open.
    const small = hours('Europe/Berlin', { sun: [['02:00', '03:00']] });
    expect(businessMinutesBetween(small, at('2025-03-29T12:00:00Z'), at('2025-03-31T12:00:00Z'))).toBe(0);
    // On 26 October 02:00 happens twice: from the first 02:00 (CEST) to 03:00 (CET) is two hours.
    expect(businessMinutesBetween(small, at('2025-10-25T12:00:00Z'), at('2025-10-27T12:00:00Z'))).toBe(120);
    // On an ordinary Sunday it is one hour.
    expect(businessMinutesBetween(small, at('2025-04-05T12:00:00Z'), at('2025-04-07T12:00:00Z'))).toBe(60);
    // 01:00 CET → 03:00 CEST on 30 March: one real hour.
    const early = hours('Europe/Berlin', { sun: [['01:00', '03:00']] });
    expect(businessMinutesBetween(early, at('2025-03-29T12:00:00Z'), at('2025-03-31T12:00:00Z'))).toBe(60);
  });

  it('counts a night shift across midnight and across the spring change', () => {
    // Saturday 29 March 22:00 CET (21:00Z) → Sunday 06:00 CEST (04:00Z): seven real hours.
    const nights = hours('Europe/Berlin', { sat: [['22:00', '06:00']] });
    expect(businessMinutesBetween(nights, at('2025-03-29T00:00:00Z'), at('2025-03-31T00:00:00Z'))).toBe(420);
    expect(isOpen(nights, at('2025-03-30T03:59:00Z'))).toBe(true);
    expect(isOpen(nights, at('2025-03-30T04:00:00Z'))).toBe(false);
  });

  it('merges overlapping intervals instead of counting them twice', () => {
    const overlapping = hours('UTC', { mon: [['09:00', '13:00'], ['12:00', '17:00']] });
    expect(businessMinutesBetween(overlapping, at('2025-03-31T00:00:00Z'), at('2025-04-01T00:00:00Z'))).toBe(480);
  });
});

describe('addBusinessMinutes', () => {
  it('continues after closing time, across the weekend and the DST change', () => {
    expect(addBusinessMinutes(berlinOffice, at('2025-03-28T15:00:00Z'), 120)?.toISOString()).toBe('2025-03-31T08:00:00.000Z');
    expect(addBusinessMinutes(berlinOffice, at('2025-10-24T14:00:00Z'), 90)?.toISOString()).toBe('2025-10-27T08:30:00.000Z');
  });

  it('starts counting at the next opening when closed', () => {
    expect(addBusinessMinutes(berlinOffice, at('2025-03-29T10:00:00Z'), 30)?.toISOString()).toBe('2025-03-31T07:30:00.000Z');
  });

  it('ends exactly at closing time when the minutes run out there', () => {
    expect(addBusinessMinutes(berlinOffice, at('2025-03-31T07:00:00Z'), 480)?.toISOString()).toBe('2025-03-31T15:00:00.000Z');
  });

  it('spans many weeks', () => {
    // 40 hours a week: 200 hours is five weeks from Monday 09:00 to the Friday 17:00 four weeks on.
    expect(addBusinessMinutes(berlinOffice, at('2025-03-31T07:00:00Z'), 200 * 60)?.toISOString()).toBe('2025-05-02T15:00:00.000Z');
  });

  it('is the wall clock when always open, the start for 0, and null when never open', () => {
    expect(addBusinessMinutes(always, at('2025-03-30T00:30:00Z'), 60)?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(addBusinessMinutes(berlinOffice, at('2025-03-29T10:00:00Z'), 0)?.toISOString()).toBe('2025-03-29T10:00:00.000Z');
    expect(addBusinessMinutes(hours('UTC', {}), at('2025-03-29T10:00:00Z'), 30)).toBeNull();
  });
});

describe('properties over random schedules', () => {
  const time = fc.integer({ min: 0, max: 24 * 4 }).map((q) => {
    const m = q * 15;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
  const interval = fc.tuple(time, time).filter(([a, b]) => a !== b && a !== '24:00') as fc.Arbitrary<OpeningInterval>;
  const schedule = fc.record({
    timezone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
    days: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, fc.array(interval, { maxLength: 3 })])) as Record<Weekday, fc.Arbitrary<OpeningInterval[]>>),
  });
  // Around both 2025 DST changes of the zones above.
  const instant = fc.integer({ min: Date.parse('2025-03-01T00:00:00Z'), max: Date.parse('2025-11-15T00:00:00Z') }).map((ms) => new Date(ms));

  it('business minutes add up over adjacent spans', () => {
    fc.assert(
      fc.property(schedule, instant, fc.integer({ min: 0, max: 10 * 86_400_000 }), fc.integer({ min: 0, max: 10 * 86_400_000 }), (h, a, d1, d2) => {
        const b = new Date(a.getTime() + d1);
        const c = new Date(b.getTime() + d2);
        const whole = businessMinutesBetween(h, a, c);
        expect(whole).toBeCloseTo(businessMinutesBetween(h, a, b) + businessMinutesBetween(h, b, c), 6);
        expect(whole).toBeLessThanOrEqual((c.getTime() - a.getTime()) / 60_000 + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('adding the business minutes between two moments lands where they are all used up', () => {
    fc.assert(
      fc.property(schedule, instant, fc.integer({ min: 1, max: 5_000 }), (h, a, minutes) => {
        const due = addBusinessMinutes(h, a, minutes);
        // Statements, not `return expect(…)`: fast-check reads a returned false as a failure.
        if (!hasOpenTime(h)) {
          expect(due).toBeNull();
          return;
        }
        if (!due) return; // an interval lying in a DST gap only: never open
        expect(businessMinutesBetween(h, a, due)).toBeCloseTo(minutes, 6);
        // It lands on open time (or at the very end of an opening).
        expect(isOpen(h, new Date(due.getTime() - 1))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the next opening is open, and nothing before it is', () => {
    fc.assert(
      fc.property(schedule, instant, (h, a) => {
        const next = nextOpening(h, a);
        if (!next) {
          expect(isOpen(h, a)).toBe(false);
          return;
        }
        expect(isOpen(h, next)).toBe(true);
        expect(businessMinutesBetween(h, a, next)).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
