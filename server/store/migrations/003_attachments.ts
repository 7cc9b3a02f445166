import type { Kysely } from 'kysely';

/**
 * Attachments: one row per uploaded file. An upload is stored first with no
 * conversation or message (the visitor or agent has not sent it yet); sending
 * a message links it. The bytes live in the file storage under `storage_key`,
 * not in the database. Portable SQL only (SQLite and Postgres).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('uploader_type', 'text', (c) => c.notNull())
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Messages are read a page at a time; their attachments in one query by message id.
  await db.schema.createIndex('attachments_message').on('attachments').columns(['message_id']).execute();
  // Unsent uploads, per uploader (cleanup, merging an anonymous visitor into a known one).
  await db.schema.createIndex('attachments_uploader').on('attachments').columns(['uploader_type', 'uploader_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachments').ifExists().execute();
}
