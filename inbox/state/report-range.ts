/**
 * The report's period and filters as the API takes them: the last 7, 30 or
 * 90 days, or custom dates, each turned into the instants [from, to) of whole
 * local days in the report's time zone (so "last 7 days" is today and the six
 * before it, and the charts' days line up with the server's `by_day`).
 */
import { REPORT_LIMITS } from '../../protocol/inbox/reports.js';
import { DAY_MS, instantOf, isValidTimeZone, localDayOf } from '../../protocol/inbox/time-zones.js';
import type { ConversationReportQuery } from '../api/report-endpoints.js';

export const RANGE_PRESETS = ['7', '30', '90', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset, string> = {
  '7': 'Last 7 days',
  '30': 'Last 30 days',
  '90': 'Last 90 days',
  custom: 'Custom dates',
};

export interface ReportFilters {
  preset: RangePreset;
  /** `<input type=date>` values, used with the custom preset. */
  from: string;
  to: string;
  /** '' = every team / agent. */
  teamId: string;
  agentId: string;
  tz: string;
}

/** The zone this browser runs in; UTC when it cannot say. */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isValidTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-03-04" as a local midnight (UTC-encoded wall time, see protocol time-zones); null when no date. */
function wallDay(text: string): number | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(wall).toISOString().slice(0, 10) === match.slice(1, 4).join('-') ? wall : null;
}

/** "YYYY-MM-DD" of today in a zone: the default of the custom dates. */
export function todayIn(tz: string, now: number): string {
  return new Date(localDayOf(tz, now)).toISOString().slice(0, 10);
}

export type RangeResult = { ok: true; from: string; to: string } | { ok: false; error: string };

/** The instants of a period: whole local days in `tz`, the last of them today for a preset, the "to" date included for custom dates. */
export function reportRange(filters: Pick<ReportFilters, 'preset' | 'from' | 'to' | 'tz'>, now: number): RangeResult {
  const tz = isValidTimeZone(filters.tz) ? filters.tz : 'UTC';
  let first: number;
  let last: number;
  if (filters.preset === 'custom') {
    const from = wallDay(filters.from);
    const to = wallDay(filters.to);
    if (from === null || to === null) return { ok: false, error: 'Choose both dates.' };
    if (to < from) return { ok: false, error: 'The end date is before the start date.' };
    first = from;
    last = to;
  } else {
    last = localDayOf(tz, now);
    first = last - (Number(filters.preset) - 1) * DAY_MS;
  }
  if ((last - first) / DAY_MS + 1 > REPORT_LIMITS.maxDays) return { ok: false, error: `A report covers at most ${REPORT_LIMITS.maxDays} days.` };
  return { ok: true, from: new Date(instantOf(tz, first)).toISOString(), to: new Date(instantOf(tz, last + DAY_MS)).toISOString() };
}

/** The API query of a period and the filters; null while the dates are not a period. */
export function reportQuery(filters: ReportFilters, now: number): ConversationReportQuery | null {
  const range = reportRange(filters, now);
  if (!range.ok) return null;
  return {
    from: range.from,
    to: range.to,
    ...(filters.teamId ? { team_id: filters.teamId } : {}),
    ...(filters.agentId ? { agent_id: filters.agentId } : {}),
    tz: isValidTimeZone(filters.tz) ? filters.tz : 'UTC',
  };
}
