/**
 * The numbers of a conversation report, pure over the rows it covers (see the
 * definitions in protocol/inbox/reports.ts). Each row counts where its own
 * times fall: opened by `created_at`, closed by `closed_at`, first response by
 * `first_response_at`, CSAT by `rated_at`.
 */
import { type ConversationStats, csatScore, type ReportDay, isoDay, localDayOf, wallClockOf } from '../../../protocol/index.js';
import { median, percentile } from './percentiles.js';
import { inRange, type ReportRange } from './report-range.js';

/** The conversation columns a report reads. */
export interface ReportRow {
  id: string;
  status: string;
  created_at: string;
  closed_at?: string | null;
  first_visitor_message_at?: string | null;
  first_response_at?: string | null;
  rating: number | null;
  rated_at: string | null;
  reply_phases?: number;
  reopened_count?: number;
  assignee_id: string | null;
  team_id: string | null;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const seconds = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / 1000;

/** Seconds from the visitor's first message to the team's first reply; null without both. */
export function firstResponseSeconds(row: ReportRow): number | null {
  return row.first_visitor_message_at && row.first_response_at ? seconds(row.first_visitor_message_at, row.first_response_at) : null;
}

/** Seconds from opening to the last close; null while not closed. */
export function resolutionSeconds(row: ReportRow): number | null {
  return row.closed_at ? seconds(row.created_at, row.closed_at) : null;
}

/** Closed after exactly one reply phase, never reopened. */
export function resolvedOnFirstContact(row: ReportRow): boolean {
  return Number(row.reply_phases ?? 0) === 1 && Number(row.reopened_count ?? 0) === 0;
}

export function statsOf(rows: readonly ReportRow[], range: ReportRange): ConversationStats {
  const closed = rows.filter((r) => inRange(r.closed_at, range));
  const firstResponses = rows.filter((r) => inRange(r.first_response_at, range)).map(firstResponseSeconds).filter((s): s is number => s !== null);
  const resolutions = closed.map(resolutionSeconds).filter((s): s is number => s !== null);
  const ratings = rows.filter((r) => r.rating !== null && inRange(r.rated_at, range)).map((r) => Number(r.rating));
  return {
    opened: rows.filter((r) => inRange(r.created_at, range)).length,
    closed: closed.length,
    first_response: { median_s: round1(median(firstResponses)), p90_s: round1(percentile(firstResponses, 90)), samples: firstResponses.length },
    resolution: { median_s: round1(median(resolutions)), samples: resolutions.length },
    first_contact_resolution_rate: closed.length === 0 ? null : Math.round((closed.filter(resolvedOnFirstContact).length / closed.length) * 10_000) / 10_000,
    csat: { ratings: ratings.length, score: csatScore(ratings) },
  };
}

/** Every local day of the range in `tz`, with conversations opened and closed on it. */
export function byDay(rows: readonly ReportRow[], range: ReportRange, tz: string): ReportDay[] {
  const first = localDayOf(tz, new Date(range.from).getTime());
  const last = localDayOf(tz, new Date(range.to).getTime() - 1);
  const days = new Map<string, ReportDay>();
  for (let d = first; d <= last; d += 86_400_000) days.set(isoDay(d), { day: isoDay(d), opened: 0, closed: 0 });
  const dayOf = (at: string) => days.get(isoDay(localDayOf(tz, new Date(at).getTime())));
  for (const r of rows) {
    if (inRange(r.created_at, range)) (dayOf(r.created_at) as ReportDay).opened += 1;
    if (inRange(r.closed_at, range)) (dayOf(r.closed_at) as ReportDay).closed += 1;
  }
  return [...days.values()];
}

/** Conversations opened per local weekday (0 = Monday) and hour in `tz`. */
export function busiestHours(rows: readonly ReportRow[], range: ReportRange, tz: string): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const r of rows) {
    if (!inRange(r.created_at, range)) continue;
    const wall = new Date(wallClockOf(tz, new Date(r.created_at).getTime()));
    grid[(wall.getUTCDay() + 6) % 7][wall.getUTCHours()] += 1;
  }
  return grid;
}

/** Rows grouped by a key, rows without one left out. */
export function groupBy(rows: readonly ReportRow[], key: (r: ReportRow) => string | null): Map<string, ReportRow[]> {
  const groups = new Map<string, ReportRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}
