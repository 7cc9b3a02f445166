/** The [from, to) of a report: defaults (the last 30 days up to now) and bounds. */
import { REPORT_LIMITS } from '../../../protocol/index.js';
import { ParleyError } from '../errors.js';

export interface ReportRange {
  /** Normalised to UTC ISO strings, so they compare with stored times as text. */
  from: string;
  to: string;
}

export function resolveRange(query: { from?: string; to?: string }, now: Date): ReportRange {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - REPORT_LIMITS.defaultDays * 86_400_000);
  if (from.getTime() >= to.getTime()) throw new ParleyError('bad_request', '"from" must be before "to"');
  if (to.getTime() - from.getTime() > REPORT_LIMITS.maxDays * 86_400_000) {
    throw new ParleyError('bad_request', `a report covers at most ${REPORT_LIMITS.maxDays} days`);
  }
  return { from: from.toISOString(), to: to.toISOString() };
}

export const inRange = (at: string | null | undefined, range: ReportRange): at is string => !!at && at >= range.from && at < range.to;
