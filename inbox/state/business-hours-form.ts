/**
 * The business hours editor's model: a zone and, per weekday, rows of
 * from–to times as typed (`<input type=time>` values), turned into the
 * `businessHours` the settings PATCH takes, or into a message per row that
 * names what is wrong. Off means always open (null).
 */
import { BUSINESS_HOURS_LIMITS, WEEKDAYS, minutesOfDay, type BusinessHours, type OpeningInterval, type Weekday } from '../../protocol/inbox/business-hours.js';
import { isValidTimeZone } from '../../protocol/inbox/time-zones.js';

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export interface IntervalRow {
  /** Stable across edits, so removing a row never moves focus or text into the next. */
  key: number;
  start: string;
  end: string;
}

export interface HoursDraft {
  /** Off: always open (`businessHours: null`). */
  enabled: boolean;
  timezone: string;
  days: Record<Weekday, IntervalRow[]>;
}

export const MAX_INTERVALS = BUSINESS_HOURS_LIMITS.intervalsPerDay;

let lastKey = 0;
export function intervalRow(start = '09:00', end = '17:00'): IntervalRow {
  lastKey += 1;
  return { key: lastKey, start, end };
}

/** Mon–Fri 09:00–17:00: what switching business hours on starts from. */
function officeWeek(): Record<Weekday, IntervalRow[]> {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, day === 'sat' || day === 'sun' ? [] : [intervalRow()]])) as Record<Weekday, IntervalRow[]>;
}

/** "24:00" can't be typed in a time input; "00:00" as an end means the same (it runs to midnight). */
const typed = (time: string): string => (time === '24:00' ? '00:00' : time);

export function hoursDraftFrom(hours: BusinessHours | null | undefined, defaultZone: string): HoursDraft {
  if (!hours) return { enabled: false, timezone: defaultZone, days: officeWeek() };
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => [day, (hours.days?.[day] ?? []).map(([start, end]) => intervalRow(typed(start), typed(end)))]),
  ) as Record<Weekday, IntervalRow[]>;
  return { enabled: true, timezone: hours.timezone, days };
}

export function addInterval(draft: HoursDraft, day: Weekday): HoursDraft {
  const rows = draft.days[day];
  if (rows.length >= MAX_INTERVALS) return draft;
  // After the last interval of the day when there is one: "13:00–17:00" after "09:00–12:00".
  const last = rows[rows.length - 1];
  const row = last && minutesOfDay(last.end) !== null && last.end < '23:00' ? intervalRow(last.end, later(last.end)) : intervalRow();
  return { ...draft, days: { ...draft.days, [day]: [...rows, row] } };
}

/** An hour after a time, at most 24:00 (typed as 00:00). */
function later(time: string): string {
  const minutes = Math.min(24 * 60, (minutesOfDay(time) ?? 0) + 60);
  return minutes >= 24 * 60 ? '00:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function removeInterval(draft: HoursDraft, day: Weekday, key: number): HoursDraft {
  return { ...draft, days: { ...draft.days, [day]: draft.days[day].filter((row) => row.key !== key) } };
}

export function editInterval(draft: HoursDraft, day: Weekday, key: number, change: Partial<Pick<IntervalRow, 'start' | 'end'>>): HoursDraft {
  return { ...draft, days: { ...draft.days, [day]: draft.days[day].map((row) => (row.key === key ? { ...row, ...change } : row)) } };
}

/** Row key (or "timezone") → what is wrong with it. */
export type HoursErrors = ReadonlyMap<number | 'timezone', string>;

export type HoursResult = { ok: true; value: BusinessHours | null } | { ok: false; errors: HoursErrors };

export function hoursFromDraft(draft: HoursDraft): HoursResult {
  if (!draft.enabled) return { ok: true, value: null };
  const errors = new Map<number | 'timezone', string>();
  if (!isValidTimeZone(draft.timezone.trim())) errors.set('timezone', 'Enter a time zone like Europe/Berlin.');
  const days = {} as Record<Weekday, OpeningInterval[]>;
  for (const day of WEEKDAYS) {
    days[day] = draft.days[day].map((row) => {
      const start = row.start.trim();
      const end = row.end.trim();
      if (minutesOfDay(start) === null || minutesOfDay(end) === null) errors.set(row.key, 'Enter both times as HH:MM.');
      else if (start === end) errors.set(row.key, 'An interval needs a length: the end is its start.');
      return [start, end];
    });
  }
  return errors.size > 0 ? { ok: false, errors } : { ok: true, value: { timezone: draft.timezone.trim(), days } };
}

/** The same schedule written the same way, so a saved one and its draft compare equal ("24:00" and "00:00" ends alike). */
export function sameHours(a: BusinessHours | null | undefined, b: BusinessHours | null | undefined): boolean {
  const norm = (h: BusinessHours | null | undefined) =>
    h ? JSON.stringify([h.timezone, WEEKDAYS.map((day) => (h.days?.[day] ?? []).map(([s, e]) => [typed(s), typed(e)]))]) : 'null';
  return norm(a) === norm(b);
}

/** "Closes at midnight" hint for an end at or before the start: the interval runs into the next day. */
export function runsPastMidnight(row: Pick<IntervalRow, 'start' | 'end'>): boolean {
  const start = minutesOfDay(row.start);
  const end = minutesOfDay(row.end);
  return start !== null && end !== null && end < start && end !== 0;
}
