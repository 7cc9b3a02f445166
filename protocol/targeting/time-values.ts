/**
 * Durations (`30m`, `12h`, `7d`) and dates as they appear in rules and traits.
 * Kept strict on purpose: `Date.parse` accepts things like `"1"` (year 2001),
 * which would make a trait such as `plan_tier: "1"` look like a date.
 */

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d{1,6})([smhdw])$/;
const RELATIVE = /^([+-])(\d{1,6})([smhdw])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Longest window a rule may name: ten years. */
export const DURATION_MAX_MS = 3_650 * UNIT_MS.d;

// A window is parsed on every evaluation of its rule, against few distinct strings.
const durations = new Map<string, number | null>();

/** Milliseconds in a duration like `7d`, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const hit = durations.get(text);
  if (hit !== undefined) return hit;
  const match = DURATION.exec(text);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
  const result = ms > 0 && ms <= DURATION_MAX_MS ? ms : null;
  if (durations.size >= 1_000) durations.clear();
  durations.set(text, result);
  return result;
}

export function isDuration(text: string): boolean {
  return parseDuration(text) !== null;
}

function parseIsoDate(text: string): number | null {
  if (!ISO_DATE.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * A rule's date operand in epoch ms: an ISO date, or relative to `now`
 * (`-7d` = seven days ago, `+1d` = tomorrow). Relative values are why a rule
 * can change its verdict with no data change (see `ruleDependencies().clock`).
 */
export function resolveRuleDate(text: string, now: number): number | null {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const ms = Number(relative[2]) * UNIT_MS[relative[3] as keyof typeof UNIT_MS];
    if (ms > DURATION_MAX_MS) return null;
    return relative[1] === '-' ? now - ms : now + ms;
  }
  return parseIsoDate(text);
}

export function isRelativeDate(text: string): boolean {
  return RELATIVE.test(text);
}

export function isRuleDate(text: string): boolean {
  return resolveRuleDate(text, 0) !== null;
}

/**
 * A trait or property value read as a date: an ISO string, or a number.
 * Numbers below 1e11 are taken as Unix seconds (what most backends send, and
 * 1e11 s is the year 5138), larger ones as milliseconds (1e11 ms is 1973).
 */
export function traitTimestamp(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? (Math.abs(value) < 1e11 ? value * 1_000 : value) : null;
  if (typeof value === 'string') return parseIsoDate(value);
  return null;
}
