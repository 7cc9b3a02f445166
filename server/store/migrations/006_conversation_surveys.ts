import type { Kysely } from 'kysely';

/**
 * A survey sent inside a conversation is a message carrying it: which survey,
 * and the delivery its answers are saved against (the same delivery machinery
 * as a survey shown on the page, with source "conversation").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('survey_id', 'text').execute();
  await db.schema.alterTable('messages').addColumn('survey_delivery_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('survey_delivery_id').execute();
  await db.schema.alterTable('messages').dropColumn('survey_id').execute();
}
