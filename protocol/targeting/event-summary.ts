/**
 * What the evaluator knows about a contact's events: per event name the exact
 * count, first and last time, and the latest `recentLimit` occurrences with
 * their properties (for `where` filters and windowed counts).
 *
 * The summary must be a function of the *set* of events only — not of the
 * order they were seen in — so that the server (which reads rows from the
 * store) and the widget (which folds events as they fire, sometimes late from
 * an offline queue) reach the same decision. Hence a total order on
 * occurrences: by time, then by a canonical form of the properties.
 */
import type { TraitValue } from './rule.js';

export type EventProps = Record<string, TraitValue>;

export interface EventOccurrence {
  /** Epoch milliseconds. */
  at: number;
  props: EventProps;
}

export interface EventStats {
  count: number;
  firstAt: number;
  lastAt: number;
  /** The latest occurrences, oldest first; fewer than `count` when older ones were dropped. */
  recent: EventOccurrence[];
}

/** Per event name. Built with a null prototype so an event named `constructor` is just an event. */
export type EventSummary = Record<string, EventStats>;

export const DEFAULT_RECENT_LIMIT = 50;

export function emptySummary(): EventSummary {
  return Object.create(null) as EventSummary;
}

/** Own-property lookup: a summary or trait bag that went through JSON has `Object.prototype` again. */
export function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function isTraitValue(value: unknown): value is TraitValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Keeps own primitive entries only (what traits and props may hold). A plain
 * object rather than a null-prototype one, which V8 keeps in slow dictionary
 * mode (building contexts was ~1.5× slower that way, see bench/). A key named
 * `__proto__` is defined, not assigned, so it cannot replace the prototype;
 * every reader goes through `ownValue`.
 */
export function sanitizeValues(input: unknown): EventProps {
  return assignValues({}, input);
}

/** Copies `input`'s own primitive entries onto `target` (the one safe way to merge traits). */
export function assignValues(target: EventProps, input: unknown): EventProps {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return target;
  for (const key of Object.keys(input)) {
    const value: unknown = (input as Record<string, unknown>)[key];
    if (!isTraitValue(value)) continue;
    if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else target[key] = value;
  }
  return target;
}

/** A stored JSON column or an already-parsed object. */
export function parseJsonValues(input: unknown): EventProps {
  if (typeof input !== 'string') return sanitizeValues(input);
  try {
    return sanitizeValues(JSON.parse(input));
  } catch {
    return sanitizeValues(null);
  }
}

/** Epoch ms from an ISO string (as stored), a number or a Date; null when unreadable. */
export function toEpochMs(value: string | number | Date): number | null {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Number.isFinite(ms) ? ms : null;
}

function canonicalProps(props: EventProps): string {
  return JSON.stringify(Object.keys(props).sort().map((key) => [key, props[key]]));
}

/** The total order on occurrences; 0 only for indistinguishable ones. */
export function compareOccurrences(a: EventOccurrence, b: EventOccurrence): number {
  if (a.at !== b.at) return a.at - b.at;
  const ka = canonicalProps(a.props);
  const kb = canonicalProps(b.props);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Folds one occurrence in (the widget's path). Late, out-of-order occurrences land in their place. */
export function addOccurrence(summary: EventSummary, name: string, occurrence: EventOccurrence, recentLimit = DEFAULT_RECENT_LIMIT): void {
  let stats = ownValue(summary, name);
  if (stats === undefined) {
    stats = { count: 0, firstAt: occurrence.at, lastAt: occurrence.at, recent: [] };
    summary[name] = stats;
  }
  stats.count += 1;
  stats.firstAt = Math.min(stats.firstAt, occurrence.at);
  stats.lastAt = Math.max(stats.lastAt, occurrence.at);
  const recent = stats.recent;
  // Binary search for the first retained occurrence that sorts after this one.
  let lo = 0;
  let hi = recent.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareOccurrences(recent[mid], occurrence) <= 0) lo = mid + 1;
    else hi = mid;
  }
  recent.splice(lo, 0, occurrence);
  if (recent.length > recentLimit) recent.splice(0, recent.length - recentLimit);
}

/** Builds the summary of a whole history at once (the server's path). */
export function summarizeOccurrences(entries: Iterable<{ name: string; occurrence: EventOccurrence }>, recentLimit = DEFAULT_RECENT_LIMIT): EventSummary {
  const byName = new Map<string, EventOccurrence[]>();
  for (const { name, occurrence } of entries) {
    const list = byName.get(name);
    if (list) list.push(occurrence);
    else byName.set(name, [occurrence]);
  }
  const summary = emptySummary();
  for (const [name, list] of byName) {
    let firstAt = Infinity;
    let lastAt = -Infinity;
    for (const { at } of list) {
      if (at < firstAt) firstAt = at;
      if (at > lastAt) lastAt = at;
    }
    list.sort(compareOccurrences);
    const recent = list.length > recentLimit ? list.slice(list.length - recentLimit) : list;
    summary[name] = { count: list.length, firstAt, lastAt, recent };
  }
  return summary;
}

