/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl`, so the
 * server, the inbox and the widget share it without a date library.
 *
 * A "wall" time is a local reading encoded as milliseconds as if it were UTC
 * (`Date.UTC(y, m, d, h, mi)`): calendar maths on it is plain integer maths.
 * Converting a wall time back to an instant follows Temporal's "compatible"
 * disambiguation: a time skipped by a DST gap moves forward by the gap
 * (02:30 on the last Sunday of March in Berlin is 03:30 CEST), and a time that
 * happens twice (autumn) is the earlier of the two instants.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a zone name this runtime's Intl knows ("Europe/Berlin", "UTC"); false for anything else. */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone, as "UTC-encoded" milliseconds. */
export function wallClockOf(timeZone: string, instantMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  // Some older engines print midnight as "24" even with h23.
  const hour = get('hour') % 24;
  const millis = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(get('year'), get('month') - 1, get('day'), hour, get('minute'), get('second')) + millis;
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7 200 000). */
export function offsetAt(timeZone: string, instantMs: number): number {
  return wallClockOf(timeZone, instantMs) - instantMs;
}

/** The instant a wall-clock reading names in a zone ("compatible" disambiguation, see the module comment). */
export function instantOf(timeZone: string, wallMs: number): number {
  // Real zones change offset at most once within two days, so the offsets a day
  // either side are the only two candidates.
  const before = offsetAt(timeZone, wallMs - DAY_MS);
  const after = offsetAt(timeZone, wallMs + DAY_MS);
  if (before === after) return wallMs - before;
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyValid = wallClockOf(timeZone, early) === wallMs;
  const lateValid = wallClockOf(timeZone, late) === wallMs;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In a gap: keep the offset from before the jump, which lands the same distance past it.
  return early;
}

/** Midnight (wall clock, UTC-encoded) of the local day an instant falls on. */
export function localDayOf(timeZone: string, instantMs: number): number {
  const wall = wallClockOf(timeZone, instantMs);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/** "2025-03-30" of a UTC-encoded local midnight. */
export function isoDay(localDayMs: number): string {
  return new Date(localDayMs).toISOString().slice(0, 10);
}
