import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect.js';

/**
 * Privacy (docs/privacy.md):
 * - workspace settings: chat before consent, coarse country on/off, the query
 *   parameters kept in page URLs, and a retention window per kind of data
 *   (days; null keeps it);
 * - `contacts.country` (two letters, never an IP) and `contacts.erased_at`: an
 *   erased contact's rows that feed aggregate counts (deliveries, survey
 *   scores, tour runs, conversation metrics) move to a new, empty contact
 *   marked erased, so counts stay and nothing links them to the person;
 * - `conversations.redacted_at`: when erase or retention removed its messages
 *   (the retention job skips it from then on);
 * - `audit_log`, append-only: triggers refuse any UPDATE or DELETE, so not even
 *   a bug of ours can rewrite history;
 * - on SQLite, FTS5 `secure-delete` on both search indexes: a deleted row's
 *   words leave the index at once instead of lingering in old segments until
 *   a merge (which would keep an erased person's words in the file).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = () => db.schema.alterTable('workspaces');
  await ws().addColumn('chat_before_consent', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await ws().addColumn('store_country', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await ws().addColumn('url_query_allowlist', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  for (const kind of ['events', 'conversations', 'closed', 'uploads']) {
    await ws().addColumn(`retention_${kind}_days`, 'integer').execute();
  }
  await db.schema.alterTable('contacts').addColumn('country', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('redacted_at', 'text').execute();

  // The retention job's scans: by workspace and age.
  await db.schema.createIndex('events_workspace_time').on('events').columns(['workspace_id', 'occurred_at']).execute();
  await db.schema.createIndex('conversations_closed_at').on('conversations').columns(['workspace_id', 'closed_at']).execute();
  await db.schema.createIndex('attachments_workspace_time').on('attachments').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_workspace_time').on('audit_log').columns(['workspace_id', 'at', 'id']).execute();

  if (isSqlite(db)) {
    for (const statement of [
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
      `INSERT INTO messages_fts (messages_fts, rank) VALUES ('secure-delete', 1)`,
      `INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('secure-delete', 1)`,
    ]) {
      await sql.raw(statement).execute(db);
    }
  } else {
    await sql`CREATE OR REPLACE FUNCTION parley_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION parley_audit_log_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    for (const trigger of ['audit_log_no_update', 'audit_log_no_delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
    for (const fts of ['messages_fts', 'contacts_fts']) await sql.raw(`INSERT INTO ${fts} (${fts}, rank) VALUES ('secure-delete', 0)`).execute(db);
  }
  await db.schema.dropTable('audit_log').ifExists().execute();
  if (!isSqlite(db)) await sql`DROP FUNCTION IF EXISTS parley_audit_log_append_only()`.execute(db);
  for (const index of ['attachments_workspace_time', 'conversations_closed_at', 'events_workspace_time']) await db.schema.dropIndex(index).ifExists().execute();
  await db.schema.alterTable('conversations').dropColumn('redacted_at').execute();
  for (const column of ['erased_at', 'country']) await db.schema.alterTable('contacts').dropColumn(column).execute();
  const columns = ['retention_uploads_days', 'retention_closed_days', 'retention_conversations_days', 'retention_events_days', 'url_query_allowlist', 'store_country', 'chat_before_consent'];
  for (const column of columns) await db.schema.alterTable('workspaces').dropColumn(column).execute();
}
