import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect.js';

/**
 * The inbox's tools for working a conversation: tags (a workspace list, names
 * unique regardless of case through `name_key`), snooze (`snoozed_until`,
 * indexed for the wake-up scan), internal notes (their own table: notes must
 * never take a message `seq`, or the visitor's gap-free catch-up would break),
 * canned replies and saved views.
 *
 * Search: on SQLite, FTS5 indexes over message bodies and the contact's name,
 * email and external id, as external-content tables (no second copy of the
 * text) kept in sync by triggers. They are keyed by the tables' implicit rowid;
 * VACUUM keeps those in practice (SQLite copies rows with their rowids), and
 * `INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')` (same for
 * contacts_fts) re-syncs an index if it ever drifts. Postgres gets the tables
 * only; its tsvector search is left to the scale-out work (see
 * domain/search/conversation-search.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('snoozed_until', 'text').execute();
  // The wake-up job's scan: snoozed rows whose time has come.
  await db.schema.createIndex('conversations_snoozed').on('conversations').columns(['status', 'snoozed_until']).execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('color', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_name_unique', ['workspace_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('conversation_tags')
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_tags_pk', ['conversation_id', 'tag_id'])
    .execute();
  // Filtering by tag and counting a tag's uses read by tag.
  await db.schema.createIndex('conversation_tags_tag').on('conversation_tags').columns(['tag_id']).execute();

  await db.schema
    .createTable('conversation_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('author_name', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conversation_notes_conversation').on('conversation_notes').columns(['conversation_id', 'created_at']).execute();

  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('canned_replies_shortcut_unique', ['workspace_id', 'shortcut'])
    .execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('owner_id', 'text', (c) => c.references('agents.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_workspace').on('saved_views').columns(['workspace_id', 'owner_id']).execute();

  if (isSqlite(db)) await createSqliteSearch(db);
}

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`;

async function createSqliteSearch(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE VIRTUAL TABLE messages_fts USING fts5(body, content = 'messages', content_rowid = 'rowid', ${TOKENIZE})`,
    `CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
       INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
     END`,
    // External content: the index forgets a row only when told its old values.
    `CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
       INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
     END`,
    `CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
       INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
       INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
     END`,
    `CREATE VIRTUAL TABLE contacts_fts USING fts5(name, email, external_id, content = 'contacts', content_rowid = 'rowid', ${TOKENIZE})`,
    `CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
       INSERT INTO contacts_fts (rowid, name, email, external_id) VALUES (new.rowid, new.name, new.email, new.external_id);
     END`,
    `CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
       INSERT INTO contacts_fts (contacts_fts, rowid, name, email, external_id) VALUES ('delete', old.rowid, old.name, old.email, old.external_id);
     END`,
    // Only these columns: a visit (last_seen_at, several a minute) must not re-index the contact.
    `CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, email, external_id ON contacts BEGIN
       INSERT INTO contacts_fts (contacts_fts, rowid, name, email, external_id) VALUES ('delete', old.rowid, old.name, old.email, old.external_id);
       INSERT INTO contacts_fts (rowid, name, email, external_id) VALUES (new.rowid, new.name, new.email, new.external_id);
     END`,
    // What was written before this migration.
    `INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')`,
    `INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    for (const trigger of ['contacts_fts_update', 'contacts_fts_delete', 'contacts_fts_insert', 'messages_fts_update', 'messages_fts_delete', 'messages_fts_insert']) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
    }
    for (const table of ['contacts_fts', 'messages_fts']) await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
  for (const table of ['saved_views', 'canned_replies', 'conversation_notes', 'conversation_tags', 'tags']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('conversations_snoozed').ifExists().execute();
  await db.schema.alterTable('conversations').dropColumn('snoozed_until').execute();
}
