/**
 * Snooze: a conversation set aside until a time, when it reopens by itself.
 *
 * Waking is a compare-and-set UPDATE (`status = 'snoozed' AND snoozed_until
 * <= now`), so every node of a cluster may run the wake-up job: a row is
 * reopened by exactly one of them, and never one that an agent (or a visitor's
 * message, see MessageLog) reopened or re-snoozed in the meantime.
 */
import type { Kysely } from 'kysely';
import type { ConversationStatus } from '../../../protocol/index.js';
import type { ConversationRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { ParleyError } from '../errors.js';

export const SNOOZE_MAX_DAYS = 90;
const DAY_MS = 86_400_000;
/** Rows reopened per scan; the next scan takes the rest. */
const WAKE_BATCH = 500;

const invalid = (message: string) => new ParleyError('validation_failed', `snoozed_until: ${message}`);

/**
 * The `snoozed_until` a status change writes: the time (normalised to UTC ISO)
 * when snoozing, null when the status becomes open or closed, nothing when the
 * status is not changing.
 */
export function snoozeColumns(patch: { status?: ConversationStatus; snoozed_until?: string }, now: Date): { snoozed_until?: string | null } {
  if (patch.status !== 'snoozed') {
    if (patch.snoozed_until !== undefined) throw invalid('only with status "snoozed"');
    return patch.status ? { snoozed_until: null } : {};
  }
  if (patch.snoozed_until === undefined) throw invalid('required to snooze');
  const until = Date.parse(patch.snoozed_until);
  if (!Number.isFinite(until)) throw invalid('not a date');
  if (until <= now.getTime()) throw invalid('must be in the future');
  if (until > now.getTime() + SNOOZE_MAX_DAYS * DAY_MS) throw invalid(`at most ${SNOOZE_MAX_DAYS} days ahead`);
  return { snoozed_until: new Date(until).toISOString() };
}

export class SnoozeWaker {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
  ) {}

  /** Reopens the snoozed conversations whose time has come (as of `now`); returns them, each announced. */
  async wakeDue(now: Date = new Date()): Promise<ConversationRow[]> {
    const at = now.toISOString();
    const due = (qb: Kysely<Database>) =>
      qb.selectFrom('conversations').select('id').where('status', '=', 'snoozed').where('snoozed_until', '<=', at).limit(WAKE_BATCH);
    const woken = await this.db
      .updateTable('conversations')
      .set({ status: 'open', snoozed_until: null, updated_at: new Date().toISOString() })
      .where('id', 'in', due(this.db))
      // Checked again on the row being written: the compare-and-set.
      .where('status', '=', 'snoozed')
      .where('snoozed_until', '<=', at)
      .returningAll()
      .execute();
    for (const row of woken) {
      this.bus.publish('conversation.updated', { workspaceId: row.workspace_id, contactId: row.contact_id, conversationId: row.id });
    }
    return woken;
  }
}
