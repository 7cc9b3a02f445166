import type { Kysely } from 'kysely';

/**
 * Surveys are content like in-app messages (same audience, trigger, schedule,
 * send limit and deliveries): a `campaigns` row with format "survey" and its
 * questions in `survey`. Responses are saved as they come, one row per
 * delivery. Conversations get the visitor's rating after close (CSAT), and
 * workspaces the global "survey a contact at most every N days".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('survey', 'text').execute();
  // Why a delivery was sent: its trigger, a series step, or the host page asking (Messenger.startSurvey).
  await db.schema.alterTable('campaign_deliveries').addColumn('source', 'text', (c) => c.notNull().defaultTo('trigger')).execute();
  await db.schema.alterTable('workspaces').addColumn('survey_recontact_days', 'integer', (c) => c.notNull().defaultTo(7)).execute();
  await db.schema.alterTable('conversations').addColumn('rating', 'integer').execute();
  // Contact tags (a survey follow-up tags the contact, e.g. "detractor"); a JSON array of strings.
  await db.schema.alterTable('contacts').addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('conversations').addColumn('rating_comment', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('rated_at', 'text').execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('delivery_id', 'text', (c) => c.notNull().unique().references('campaign_deliveries.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_responses_survey').on('survey_responses').columns(['survey_id', 'completed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_responses').ifExists().execute();
  for (const column of ['rated_at', 'rating_comment', 'rating']) await db.schema.alterTable('conversations').dropColumn(column).execute();
  await db.schema.alterTable('workspaces').dropColumn('survey_recontact_days').execute();
  await db.schema.alterTable('contacts').dropColumn('tags').execute();
  await db.schema.alterTable('campaign_deliveries').dropColumn('source').execute();
  await db.schema.alterTable('campaigns').dropColumn('survey').execute();
}
