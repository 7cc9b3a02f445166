/**
 * The facts a rule is evaluated against, and the two ways of building them:
 * `contextFromRows` from what the server's store returns, `LiveContext` by
 * folding events one at a time as the widget sees them. Both go through the
 * same sanitising and the same order-independent event summary, which is what
 * makes "server and widget agree" hold (see `agreement.test.ts`).
 */
import { DEVICES, type Device } from './devices.js';
import type { TraitValue } from './rule.js';
import {
  addOccurrence,
  assignValues,
  DEFAULT_RECENT_LIMIT,
  emptySummary,
  parseJsonValues,
  summarizeOccurrences,
  toEpochMs,
  type EventOccurrence,
  type EventSummary,
} from './event-summary.js';

export interface PageInfo {
  /** Full URL, e.g. `https://app.example.com/billing?tab=cards`. */
  url: string;
  /** Its path, e.g. `/billing` (the widget updates it on SPA route changes too). */
  path: string;
}

/**
 * Absent optional fields mean "not known here", which is different from
 * "false": the server knows no page, the widget may know no segment. The
 * evaluator reports such conditions as unknown (see `ruleVerdict`).
 */
export interface TargetingContext {
  traits: Record<string, TraitValue>;
  events: EventSummary;
  page?: PageInfo;
  timeOnPageS?: number;
  locale?: string;
  device?: Device;
  browser?: string;
  country?: string;
  /** Membership of a saved segment; `undefined` when this side cannot tell. */
  segments?: (segmentId: string) => boolean | undefined;
}

/** A contact as the store returns it: traits as a JSON column (or parsed), facets nullable. */
export interface ContactRow {
  traits: string | Record<string, unknown> | null;
  locale?: string | null;
  device?: string | null;
  browser?: string | null;
  country?: string | null;
}

/** An event row: props as a JSON column (or parsed), time as ISO string, epoch ms or Date. */
export interface EventRow {
  name: string;
  props?: string | Record<string, unknown> | null;
  occurredAt: string | number | Date;
}

export interface ContextOptions {
  /** Occurrences kept per event name for property filters and windowed counts. */
  recentLimit?: number;
  segments?: (segmentId: string) => boolean | undefined;
}

function toDevice(value: string | null | undefined): Device | undefined {
  return DEVICES.find((d) => d === value);
}

function baseContext(contact: ContactRow, events: EventSummary, options: ContextOptions): TargetingContext {
  const ctx: TargetingContext = { traits: parseJsonValues(contact.traits), events };
  // Only set what is known, so "absent" keeps meaning "unknown".
  if (contact.locale) ctx.locale = contact.locale;
  const device = toDevice(contact.device);
  if (device) ctx.device = device;
  if (contact.browser) ctx.browser = contact.browser;
  if (contact.country) ctx.country = contact.country;
  if (options.segments) ctx.segments = options.segments;
  return ctx;
}

function toOccurrence(row: EventRow): EventOccurrence | null {
  const at = toEpochMs(row.occurredAt);
  return at === null ? null : { at, props: parseJsonValues(row.props ?? null) };
}

/** The server's path: a contact row and its event rows, in any order. */
export function contextFromRows(contact: ContactRow, eventRows: Iterable<EventRow>, options: ContextOptions = {}): TargetingContext {
  const entries: Array<{ name: string; occurrence: EventOccurrence }> = [];
  for (const row of eventRows) {
    const occurrence = toOccurrence(row);
    if (occurrence) entries.push({ name: row.name, occurrence });
  }
  const events = summarizeOccurrences(entries, options.recentLimit ?? DEFAULT_RECENT_LIMIT);
  return baseContext(contact, events, options);
}

/**
 * The widget's path: starts from what the server sent (traits, maybe a
 * summary) and folds in what happens during the visit. `context` is the live
 * object; evaluate it whenever something changed.
 */
export class LiveContext {
  readonly context: TargetingContext;
  private readonly recentLimit: number;
  private pageStartedAt: number | null = null;

  constructor(contact: ContactRow, options: ContextOptions & { events?: EventSummary } = {}) {
    this.recentLimit = options.recentLimit ?? DEFAULT_RECENT_LIMIT;
    this.context = baseContext(contact, options.events ?? emptySummary(), options);
  }

  /** Merges traits (from `identify`); a `null` value stays, like in the store. */
  setTraits(patch: Record<string, unknown>): void {
    assignValues(this.context.traits, patch);
  }

  track(row: EventRow): void {
    const occurrence = toOccurrence(row);
    if (occurrence) addOccurrence(this.context.events, row.name, occurrence, this.recentLimit);
  }

  /** A page view or SPA route change: the page changes and time on page restarts. */
  setPage(page: PageInfo, now: number): void {
    this.context.page = page;
    this.context.timeOnPageS = 0;
    this.pageStartedAt = now;
  }

  /** Advances time on page (the widget calls this from its timer). */
  tick(now: number): void {
    if (this.pageStartedAt !== null) this.context.timeOnPageS = Math.max(0, (now - this.pageStartedAt) / 1_000);
  }
}

/** Folds `events` one at a time, in the order given, the way the widget does. */
export function contextFromLive(contact: ContactRow, events: Iterable<EventRow>, options: ContextOptions = {}): TargetingContext {
  const live = new LiveContext(contact, options);
  for (const event of events) live.track(event);
  return live.context;
}
