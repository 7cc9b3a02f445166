/**
 * `DELETE /api/v1/contacts/:id`: removes a contact and everything tied to it,
 * in one transaction, following the registry (contact-tables.ts). Rows that
 * feed aggregate counts move to a remnant — a new contact with no data at all,
 * marked erased, never listed or targeted — so reports and stats keep their
 * numbers and nothing links them to the person. The audit entry commits with
 * the erase. Search indexes follow the rows (FTS5 triggers with secure-delete
 * on SQLite, generated tsvector columns on Postgres).
 *
 * After commit: uploaded files leave the file store, and on SQLite the WAL is
 * checkpointed and truncated so no old page images of the erased rows stay in
 * it (secure_delete already zeroes the freed pages of the main file).
 */
import { type Kysely, sql } from 'kysely';
import type { AuditActor } from '../../../protocol/index.js';
import type { ContactRow, Database } from '../../store/index.js';
import { isSqlite } from '../../store/dialect.js';
import type { Attachments } from '../attachments/index.js';
import type { DomainBus } from '../bus.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { AuditLog } from './audit-log.js';
import { deleteLinkedRows } from './contact-links.js';
import { CONTACT_TABLES, contactTable } from './contact-tables.js';
import type { EraseContext } from './erase-steps.js';

export interface EraseResult {
  /** The empty contact now holding the anonymised rows. */
  remnantId: string;
  /** Rows deleted outright, by table. */
  deleted: Record<string, number>;
  /** Conversations kept (closed, emptied) for the reports. */
  keptConversations: number;
  /** Files that could not be removed from the file store (retried by nobody: report them). */
  filesFailed: number;
}

export interface EraserDeps {
  db: Kysely<Database>;
  attachments: Attachments;
  bus: DomainBus;
  audit: AuditLog;
  clock?: () => Date;
}

/** The remnant: an id, the workspace, the first/last seen times (for counts by day) and nothing else. */
function remnantOf(contact: ContactRow, now: string): ContactRow {
  return {
    id: newId('ct'),
    workspace_id: contact.workspace_id,
    external_id: null,
    email: null,
    name: null,
    traits: '{}',
    locale: null,
    device: null,
    first_seen_at: contact.first_seen_at,
    last_seen_at: contact.last_seen_at,
    last_page_url: null,
    tags: '[]',
    country: null,
    erased_at: now,
  };
}

export class ContactEraser {
  constructor(private readonly deps: EraserDeps) {}

  async erase(workspaceId: string, contactId: string, actor: AuditActor): Promise<EraseResult> {
    const { db, audit } = this.deps;
    const now = (this.deps.clock?.() ?? new Date()).toISOString();
    const contact = await db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', contactId)
      .where('workspace_id', '=', workspaceId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!contact) throw notFound('contact');
    const remnant = remnantOf(contact, now);
    const deleted: Record<string, number> = {};
    const ctx = await db.transaction().execute(async (trx) => {
      await trx.insertInto('contacts').values(remnant).execute();
      const c: EraseContext = {
        trx,
        workspaceId,
        contactId,
        remnantId: remnant.id,
        ids: [contactId, remnant.id],
        now,
        find: contactTable,
        files: [],
        conversations: [],
      };
      for (const entry of CONTACT_TABLES) {
        if (entry.erase === 'delete') deleted[entry.table] = await deleteLinkedRows(trx, entry, c.ids, contactTable);
        else if (entry.erase !== 'keep') await entry.erase(c, entry);
      }
      await audit.record(
        {
          workspaceId,
          actor,
          action: 'contact.erased',
          target: { type: 'contact', id: contactId },
          details: { remnant_id: remnant.id, kept_conversations: c.conversations.length, files: c.files.length, deleted_rows: Object.values(deleted).reduce((a, b) => a + b, 0) },
        },
        trx,
      );
      return c;
    });
    const filesFailed = await this.deps.attachments.removeFiles(ctx.files);
    for (const conversationId of ctx.conversations) {
      this.deps.bus.publish('conversation.updated', { workspaceId, contactId: remnant.id, conversationId });
    }
    if (isSqlite(db)) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    return { remnantId: remnant.id, deleted, keptConversations: ctx.conversations.length, filesFailed };
  }
}
