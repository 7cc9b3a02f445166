/**
 * The expected reply time the widget shows: whether the team is in now, when
 * it is back, and how fast it typically answers — the median first response
 * of the last 30 days, counted in business minutes when the workspace has
 * business hours (what a visitor writing during them can expect), rounded up
 * to whole minutes. Fewer than 5 samples say nothing (null).
 */
import type { Kysely } from 'kysely';
import { businessMinutesBetween, type BusinessHours, isOpen, nextOpening, type ReplyTime } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { TtlCache } from '../content/ttl-cache.js';
import { median } from '../reports/percentiles.js';
import type { Workspace } from '../workspaces/index.js';

export const REPLY_TIME_WINDOW_DAYS = 30;
export const REPLY_TIME_MIN_SAMPLES = 5;

export class ReplyTimes {
  // Every widget boot asks; the median moves slowly.
  private readonly typical = new TtlCache<number | null>(60_000);

  constructor(private readonly db: Kysely<Database>) {}

  async forWorkspace(ws: Workspace, now: Date = new Date()): Promise<ReplyTime> {
    const hours = ws.businessHours;
    const online = hours ? isOpen(hours, now) : true;
    const opening = online || !hours ? null : nextOpening(hours, now);
    return {
      online,
      typicalMinutes: await this.typical.getOrLoad(`${ws.id}:${JSON.stringify(hours)}`, () => this.typicalMinutes(ws.id, hours, now)),
      nextOpening: opening ? opening.toISOString() : null,
    };
  }

  /** Median first response (minutes, rounded up, at least 1) of the window before `now`; null below the sample minimum. */
  async typicalMinutes(workspaceId: string, hours: BusinessHours | null, now: Date): Promise<number | null> {
    const since = new Date(now.getTime() - REPLY_TIME_WINDOW_DAYS * 86_400_000).toISOString();
    const rows = await this.db
      .selectFrom('conversations')
      .select(['first_visitor_message_at', 'first_response_at'])
      .where('workspace_id', '=', workspaceId)
      .where('first_response_at', '>=', since)
      .where('first_response_at', '<=', now.toISOString())
      .where('first_visitor_message_at', 'is not', null)
      .execute();
    const minutes = rows.map((r) => {
      const asked = new Date(r.first_visitor_message_at as string);
      const answered = new Date(r.first_response_at as string);
      return hours ? businessMinutesBetween(hours, asked, answered) : (answered.getTime() - asked.getTime()) / 60_000;
    });
    if (minutes.length < REPLY_TIME_MIN_SAMPLES) return null;
    return Math.max(1, Math.ceil(median(minutes) ?? 0));
  }
}
