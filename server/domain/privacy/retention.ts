/**
 * The retention job: per workspace and kind of data, what is older than the
 * window goes. Events are deleted; conversations are redacted (messages, notes
 * and files deleted, the rating comment cleared, closed) and kept as empty
 * shells so the reports keep their counts; uploads are deleted with their files.
 *
 * Every step is an idempotent delete or a compare-and-set (`redacted_at is
 * null`), in batches so a large backlog never holds the database for long;
 * with several nodes it runs under a job lease (start.ts), so once per tick
 * across the cluster. `now` is the caller's: tests pass a fake clock.
 *
 * @example await new RetentionJob(db, attachments, audit).run(new Date())
 */
import type { Kysely } from 'kysely';
import { RETENTION_KINDS, type RetentionKind } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import type { Attachments } from '../attachments/index.js';
import type { AuditLog } from './audit-log.js';
import { readPrivacy } from './privacy-columns.js';

const BATCH = 500;
const DAY_MS = 86_400_000;

export type RetentionReport = Record<RetentionKind, number>;

export class RetentionJob {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly attachments: Attachments,
    private readonly audit: AuditLog,
  ) {}

  /** One pass over every workspace with a window set; returns what went, summed over workspaces. */
  async run(now: Date): Promise<RetentionReport> {
    const total: RetentionReport = { events: 0, conversations: 0, closedConversations: 0, uploads: 0 };
    for (const row of await this.db.selectFrom('workspaces').selectAll().execute()) {
      const windows = readPrivacy(row).retention;
      const done: RetentionReport = { events: 0, conversations: 0, closedConversations: 0, uploads: 0 };
      for (const kind of RETENTION_KINDS) {
        const days = windows[kind];
        if (days === null) continue;
        const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
        done[kind] = await this.apply(kind, row.id, cutoff, now.toISOString());
        total[kind] += done[kind];
      }
      if (RETENTION_KINDS.some((k) => done[k] > 0)) {
        await this.audit.record({ workspaceId: row.id, actor: { type: 'system', id: null, name: 'retention' }, action: 'retention.applied', target: { type: 'workspace', id: row.id }, details: { ...done } });
      }
    }
    return total;
  }

  private apply(kind: RetentionKind, workspaceId: string, cutoff: string, now: string): Promise<number> {
    switch (kind) {
      case 'events':
        return this.deleteEvents(workspaceId, cutoff);
      case 'uploads':
        return this.deleteUploads(workspaceId, cutoff);
      case 'closedConversations':
        return this.redact(workspaceId, now, cutoff, 'closed');
      case 'conversations':
        return this.redact(workspaceId, now, cutoff, 'idle');
    }
  }

  private async deleteEvents(workspaceId: string, cutoff: string): Promise<number> {
    let count = 0;
    for (;;) {
      const ids = await this.db.selectFrom('events').select('id').where('workspace_id', '=', workspaceId).where('occurred_at', '<', cutoff).limit(BATCH).execute();
      if (ids.length === 0) return count;
      await this.db.deleteFrom('events').where('id', 'in', ids.map((r) => r.id)).execute();
      count += ids.length;
    }
  }

  private async deleteUploads(workspaceId: string, cutoff: string): Promise<number> {
    let count = 0;
    for (;;) {
      const rows = await this.db.selectFrom('attachments').select(['id', 'storage_key']).where('workspace_id', '=', workspaceId).where('created_at', '<', cutoff).limit(BATCH).execute();
      if (rows.length === 0) return count;
      await this.db.deleteFrom('attachments').where('id', 'in', rows.map((r) => r.id)).execute();
      await this.attachments.removeFiles(rows.map((r) => r.storage_key));
      count += rows.length;
    }
  }

  /**
   * Redacts conversations not redacted yet, a batch per transaction: `closed`
   * ones closed before the cutoff, or `idle` ones (any status) last active before it.
   */
  private async redact(workspaceId: string, now: string, cutoff: string, which: 'closed' | 'idle'): Promise<number> {
    let count = 0;
    for (;;) {
      let q = this.db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('redacted_at', 'is', null);
      q = which === 'closed' ? q.where('status', '=', 'closed').where('closed_at', '<', cutoff) : q.where('updated_at', '<', cutoff);
      const ids = (await q.limit(BATCH).execute()).map((r) => r.id);
      if (ids.length === 0) return count;
      const files = await this.db.transaction().execute(async (trx) => {
        const stored = await trx.selectFrom('attachments').select('storage_key').where('conversation_id', 'in', ids).execute();
        await trx.deleteFrom('attachments').where('conversation_id', 'in', ids).execute();
        await trx.deleteFrom('messages').where('conversation_id', 'in', ids).execute();
        await trx.deleteFrom('conversation_notes').where('conversation_id', 'in', ids).execute();
        // What the visitor answered a bot goes with the messages; the run stays for the answer bot's counts (docs/bots.md).
        await trx.updateTable('bot_runs').set({ answers: '{}' }).where('conversation_id', 'in', ids).execute();
        await trx.updateTable('conversations').set({ closed_at: now }).where('id', 'in', ids).where('closed_at', 'is', null).execute();
        await trx
          .updateTable('conversations')
          .set({ status: 'closed', snoozed_until: null, waiting_since: null, rating_comment: null, redacted_at: now })
          .where('id', 'in', ids)
          .execute();
        return stored.map((r) => r.storage_key);
      });
      await this.attachments.removeFiles(files);
      count += ids.length;
    }
  }
}
