/**
 * The delivery outbox (`webhook_deliveries`): one row per (event,
 * subscription), written before any attempt, so an event survives a restart.
 * Workers claim a due row with a compare-and-set on its lease, so with
 * several nodes (or several workers) each attempt runs once; the result is
 * written back only by the lease holder (`lock_token`).
 *
 * @example const token = await outbox.claim(id, now, 60_000); if (token) …; await outbox.complete(row, token, result, next)
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Page, WebhookDelivery, WebhookDeliveryAttempt, WebhookDeliveryStatus, WebhookPayload } from '../../../protocol/index.js';
import type { Database, WebhookDeliveryRow, WebhookRow } from '../../store/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { toWebhookDelivery } from './mappers.js';

/** Attempts kept in a delivery's history (manual retries can add more than the schedule's 8). */
export const HISTORY_LIMIT = 20;

/** What an attempt ended with, and what happens next. */
export interface AttemptOutcome {
  attempt: WebhookDeliveryAttempt;
  status: WebhookDeliveryStatus;
  nextAttemptAt: string | null;
}

export class DeliveryOutbox {
  constructor(private readonly db: Kysely<Database>) {}

  /** One row per subscription for one event; the body is fixed here, every attempt sends these bytes. */
  async enqueue(payload: WebhookPayload, subscriptions: readonly Pick<WebhookRow, 'id'>[], now: Date): Promise<void> {
    if (subscriptions.length === 0) return;
    const at = now.toISOString();
    const body = JSON.stringify(payload);
    await this.db
      .insertInto('webhook_deliveries')
      .values(
        subscriptions.map((s) => ({
          id: newId('whd'),
          workspace_id: payload.workspace_id,
          webhook_id: s.id,
          event_id: payload.id,
          event_type: payload.type,
          payload: body,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: at,
          locked_until: null,
          lock_token: null,
          last_attempt_at: null,
          last_status_code: null,
          last_error: null,
          last_response_ms: null,
          history: '[]',
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
      .execute();
  }

  /** The delivery log of a subscription, newest first. */
  async list(webhookId: string, q: { limit: number; cursor?: string; status?: WebhookDeliveryStatus }): Promise<Page<WebhookDelivery>> {
    let query = this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { data: page.map(toWebhookDelivery), next_cursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null };
  }

  async get(webhookId: string, id: string): Promise<WebhookDeliveryRow> {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('webhook_id', '=', webhookId).executeTakeFirst();
    if (!row) throw notFound('delivery');
    return row;
  }

  async byId(id: string): Promise<WebhookDeliveryRow | undefined> {
    return this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Ids of pending rows due at `now`, not leased, of enabled subscriptions; oldest due first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const at = now.toISOString();
    const rows = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select('d.id')
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<', at)]))
      .where('w.enabled', '=', 1)
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Takes the lease of a due row: the compare-and-set that makes each attempt
   * run once whatever the number of workers. Answers the lease token, or null
   * when another worker has it (or it is no longer due).
   */
  async claim(id: string, now: Date, leaseMs: number): Promise<string | null> {
    const at = now.toISOString();
    const token = randomBytes(12).toString('base64url');
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set({ locked_until: new Date(now.getTime() + leaseMs).toISOString(), lock_token: token })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n ? token : null;
  }

  /** Records an attempt (only while holding the lease) and lets the lease go. */
  async complete(row: WebhookDeliveryRow, token: string, outcome: AttemptOutcome): Promise<WebhookDeliveryRow | undefined> {
    const history = [...parseJsonColumn<WebhookDeliveryAttempt[]>(row.history, []), outcome.attempt].slice(-HISTORY_LIMIT);
    return this.db
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.status,
        attempts: Number(row.attempts) + 1,
        next_attempt_at: outcome.nextAttemptAt,
        locked_until: null,
        lock_token: null,
        last_attempt_at: outcome.attempt.at,
        last_status_code: outcome.attempt.status_code,
        last_error: outcome.attempt.error,
        last_response_ms: outcome.attempt.response_ms,
        history: JSON.stringify(history),
        updated_at: outcome.attempt.at,
      })
      .where('id', '=', row.id)
      .where('lock_token', '=', token)
      .returningAll()
      .executeTakeFirst();
  }

  /** Gives a lease back without an attempt (the worker stopping, the subscription gone quiet). */
  async release(id: string, token: string): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ locked_until: null, lock_token: null }).where('id', '=', id).where('lock_token', '=', token).execute();
  }

  /** A manual retry: due now again, whatever its status (one more attempt; a failure then ends it as `failed`). */
  async makeDue(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
      .execute();
  }

  /** Drops finished deliveries last changed before `before` (the log keeps 30 days). */
  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('webhook_deliveries').where('status', '!=', 'pending').where('updated_at', '<', before.toISOString()).execute();
  }
}
