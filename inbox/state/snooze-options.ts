/**
 * When a snooze ends: the quick choices of the snooze menu ("1 hour",
 * "tomorrow 9:00", "next Monday 9:00") and a picked local date and time,
 * each turned into an instant in the agent's own time zone. Pure: the clock
 * and the zone are parameters, so DST days and far-away zones are testable.
 */
import { DAY_MS, instantOf, localDayOf } from '../../protocol/inbox/time-zones.js';

/** Mirrors INBOX_LIMITS.snoozeDays in protocol/inbox-tools/schemas.ts. */
export const MAX_SNOOZE_DAYS = 90;
const HOUR_MS = 3_600_000;
const MORNING_MS = 9 * HOUR_MS;

export type SnoozeChoiceId = 'hour' | 'tomorrow' | 'monday';

export interface SnoozeChoice {
  id: SnoozeChoiceId;
  label: string;
  /** The instant, in ms since the epoch. */
  at: number;
}

/** The browser's zone ("Europe/Berlin"); UTC when the runtime won't say. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** 09:00 local on the day `days` after the local day of `now`. */
function morningAfter(now: number, timeZone: string, days: number): number {
  return instantOf(timeZone, localDayOf(timeZone, now) + days * DAY_MS + MORNING_MS);
}

export function snoozeChoices(now: number, timeZone: string): SnoozeChoice[] {
  // getUTCDay of a UTC-encoded wall time is the local weekday (0 = Sunday).
  const weekday = new Date(localDayOf(timeZone, now)).getUTCDay();
  // Monday itself counts as "next" only from Sunday; on a Monday it is a week away.
  const toMonday = ((8 - weekday) % 7) || 7;
  return [
    { id: 'hour', label: '1 hour', at: now + HOUR_MS },
    { id: 'tomorrow', label: 'Tomorrow, 9:00', at: morningAfter(now, timeZone, 1) },
    { id: 'monday', label: 'Next Monday, 9:00', at: morningAfter(now, timeZone, toMonday) },
  ];
}

/** A `datetime-local` value ("2025-03-01T09:00") read in `timeZone`; null when it is not one. */
export function instantFromLocalInput(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return instantOf(timeZone, wall);
}

/** Why a snooze can't end then (the server's own bounds), or null. */
export function snoozeProblem(at: number, now: number): string | null {
  if (at <= now) return 'Pick a time in the future.';
  if (at - now > MAX_SNOOZE_DAYS * DAY_MS) return `A snooze lasts at most ${MAX_SNOOZE_DAYS} days.`;
  return null;
}
