/**
 * Business hours: when a team (or the whole workspace) answers. Pure functions
 * of a schedule and instants; the server uses them for SLAs, the expected reply
 * time and the away message, and the inbox may use them to show "open now".
 *
 * A schedule is a time zone and, per weekday, local opening intervals. Every
 * question is answered by turning the local intervals of the days around the
 * instants into real instants (so DST is handled by the zone, not by us) and
 * merging them; an interval that runs past midnight ("22:00"–"02:00") belongs
 * to the day it starts on.
 *
 * @example
 *   const hours = { timezone: 'Europe/Berlin', days: { ...closedWeek(), mon: [['09:00', '17:00']] } };
 *   isOpen(hours, new Date('2025-03-31T08:00:00Z')); // true: 10:00 CEST on a Monday
 */
import { DAY_MS, MINUTE_MS, instantOf, localDayOf } from './time-zones.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Local 24-hour times "HH:MM". "24:00" (as an end) is midnight at the end of
 * the day; an end at or before the start runs past midnight into the next day.
 */
export type OpeningInterval = [start: string, end: string];

export interface BusinessHours {
  /** IANA zone name, e.g. "Europe/Berlin". */
  timezone: string;
  /** Every weekday; [] is closed all day. */
  days: Record<Weekday, OpeningInterval[]>;
}

export const BUSINESS_HOURS_LIMITS = { intervalsPerDay: 6 } as const;

const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** "09:30" → 570; null when the text is no valid time. */
export function minutesOfDay(time: string): number | null {
  if (!TIME.test(time)) return null;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A week with no opening at all: the start of a schedule to fill in. */
export function closedWeek(): Record<Weekday, OpeningInterval[]> {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** False when no day has an interval: such a schedule never opens. */
export function hasOpenTime(hours: BusinessHours): boolean {
  return WEEKDAYS.some((d) => (hours.days[d] ?? []).length > 0);
}

interface Span {
  start: number;
  end: number;
}

/** `Date#getUTCDay()` (0 = Sunday) of a UTC-encoded local midnight → our weekday key. */
const BY_JS_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// Spans of one local day are asked for again and again (every conversation of a
// list shares the schedule); schedules come from cached settings objects, so a
// WeakMap keyed by the schedule keeps this free of invalidation.
const daySpans = new WeakMap<BusinessHours, Map<number, Span[]>>();
const DAY_CACHE_MAX = 2_000;

function spansOfDay(hours: BusinessHours, localDay: number): Span[] {
  let cache = daySpans.get(hours);
  if (!cache) daySpans.set(hours, (cache = new Map()));
  const hit = cache.get(localDay);
  if (hit) return hit;
  const spans: Span[] = [];
  for (const [from, to] of hours.days[BY_JS_DAY[new Date(localDay).getUTCDay()]] ?? []) {
    const startMin = minutesOfDay(from);
    const endMin = minutesOfDay(to);
    if (startMin === null || endMin === null || startMin === 24 * 60) continue;
    const endWall = endMin > startMin ? localDay + endMin * MINUTE_MS : localDay + DAY_MS + endMin * MINUTE_MS;
    const start = instantOf(hours.timezone, localDay + startMin * MINUTE_MS);
    const end = instantOf(hours.timezone, endWall);
    // An interval lying wholly inside a DST gap has no length left.
    if (end > start) spans.push({ start, end });
  }
  if (cache.size >= DAY_CACHE_MAX) cache.clear();
  cache.set(localDay, spans);
  return spans;
}

/** The open spans overlapping [fromMs, toMs], merged (touching spans join) and in time order. */
function openSpans(hours: BusinessHours, fromMs: number, toMs: number): Span[] {
  // The day before may hold an interval running past midnight into `fromMs`.
  const firstDay = localDayOf(hours.timezone, fromMs) - DAY_MS;
  const lastDay = localDayOf(hours.timezone, toMs);
  const all: Span[] = [];
  for (let day = firstDay; day <= lastDay; day += DAY_MS) all.push(...spansOfDay(hours, day));
  all.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of all) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.filter((s) => s.end > fromMs && s.start <= toMs);
}

/** Whether the team is open at `at` (an interval includes its start and excludes its end). */
export function isOpen(hours: BusinessHours, at: Date): boolean {
  const t = at.getTime();
  return openSpans(hours, t, t).some((s) => s.start <= t && t < s.end);
}

/**
 * The next moment the team is open, at or after `at`: `at` itself when open now,
 * null when the schedule never opens.
 */
export function nextOpening(hours: BusinessHours, at: Date): Date | null {
  const t = at.getTime();
  // Every weekday comes round within a week; a day more covers DST and midnight-crossing intervals.
  const next = openSpans(hours, t, t + 8 * DAY_MS).find((s) => s.end > t);
  if (!next) return null;
  return new Date(Math.max(next.start, t));
}

/** Open minutes between `a` and `b` (fractional; 0 when `b` is not after `a`). */
export function businessMinutesBetween(hours: BusinessHours, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  let ms = 0;
  for (const s of openSpans(hours, from, to)) ms += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  return ms / MINUTE_MS;
}

/**
 * The instant `minutes` open minutes after `at` (the inverse of
 * businessMinutesBetween). Null when the schedule never opens, or not within
 * about a year.
 */
export function addBusinessMinutes(hours: BusinessHours, at: Date, minutes: number): Date | null {
  const start = at.getTime();
  if (minutes <= 0) return new Date(start);
  if (!hasOpenTime(hours)) return null;
  let remaining = minutes * MINUTE_MS;
  const WEEK = 7 * DAY_MS;
  for (let from = start; from < start + 60 * WEEK; from += WEEK) {
    const to = from + WEEK;
    for (const s of openSpans(hours, from, to)) {
      const begin = Math.max(s.start, from);
      const available = Math.min(s.end, to) - begin;
      if (available <= 0) continue;
      if (available >= remaining) return new Date(begin + remaining);
      remaining -= available;
    }
  }
  return null;
}
