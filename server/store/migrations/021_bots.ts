import type { Kysely } from 'kysely';

/**
 * Bots (docs/bots.md):
 * - `bots`: custom bots, ordered by `position` per workspace; `trigger_on`,
 *   `audience` (JSON targeting rule or null) and `steps` (JSON) as written.
 * - `bot_settings`: one row per workspace that changed them (the answer bot).
 * - `bot_runs`: one per conversation a bot talks in (unique `conversation_id`:
 *   a conversation runs one bot, and two nodes starting one race on it). It
 *   keeps the steps it started with, so an edit never moves a running flow,
 *   and a `version` every move compares and sets.
 * - `messages.bot_data`: a bot question's buttons, or the visitor's choice (JSON).
 * - `conversations.resolved_by`: `bot` when the answer bot resolved it.
 * Portable SQL only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('trigger_on', 'text', (c) => c.notNull())
    .addColumn('audience', 'text')
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bots_order').on('bots').columns(['workspace_id', 'position']).execute();

  await db.schema
    .createTable('bot_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('answer_bot_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bot_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('bot_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bot_name', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().unique().references('conversations.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('prompt_message_id', 'text')
    .addColumn('prompt_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('team_id', 'text')
    .addColumn('suggested_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bot_runs_suggested').on('bot_runs').columns(['workspace_id', 'suggested_at']).execute();

  await db.schema.alterTable('messages').addColumn('bot_data', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('resolved_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('resolved_by').execute();
  await db.schema.alterTable('messages').dropColumn('bot_data').execute();
  await db.schema.dropTable('bot_runs').ifExists().execute();
  await db.schema.dropTable('bot_settings').ifExists().execute();
  await db.schema.dropTable('bots').ifExists().execute();
}
