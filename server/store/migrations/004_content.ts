import type { Kysely } from 'kysely';

/**
 * Outbound content: in-app messages ("campaigns": `messages` already names the
 * chat messages), their deliveries (one row per send, the source of stats and
 * send limits), saved segments, series and where each contact is in a series.
 * Rules, triggers and the like are JSON text, as elsewhere. Portable SQL only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('quiet_pages', 'text', (c) => c.notNull().defaultTo('[]')).execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('audience', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text')
    .addColumn('goal', 'text')
    .addColumn('schedule', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sender_id', 'text')
    .addColumn('position', 'text')
    .addColumn('dismissible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('button', 'text')
    .addColumn('image_url', 'text')
    .addColumn('selector', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_workspace_status').on('campaigns').columns(['workspace_id', 'status']).execute();

  await db.schema
    .createTable('campaign_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('series_id', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('shown_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('clicked_at', 'text')
    .addColumn('dismissed_at', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('goal_reached_at', 'text')
    .addColumn('conversation_id', 'text')
    .execute();
  // Send limits and "what is still open" read one contact's deliveries; stats read one campaign's.
  await db.schema.createIndex('campaign_deliveries_contact').on('campaign_deliveries').columns(['contact_id', 'campaign_id']).execute();
  await db.schema.createIndex('campaign_deliveries_campaign').on('campaign_deliveries').columns(['campaign_id']).execute();

  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('segments_workspace').on('segments').columns(['workspace_id']).execute();

  await db.schema
    .createTable('series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('series_workspace_status').on('series').columns(['workspace_id', 'status']).execute();

  await db.schema
    .createTable('series_enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('series_id', 'text', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('step_entered_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('series_enrollments_once', ['series_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('series_enrollments_contact').on('series_enrollments').columns(['contact_id']).execute();
  await db.schema.createIndex('series_enrollments_waiting').on('series_enrollments').columns(['status', 'step_entered_at']).execute();

  await db.schema
    .createTable('series_step_visits')
    .addColumn('enrollment_id', 'text', (c) => c.notNull().references('series_enrollments.id').onDelete('cascade'))
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('reached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('series_step_visits_pk', ['enrollment_id', 'step_id'])
    .execute();
  await db.schema.createIndex('series_step_visits_step').on('series_step_visits').columns(['series_id', 'step_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['series_step_visits', 'series_enrollments', 'series', 'segments', 'campaign_deliveries', 'campaigns']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('workspaces').dropColumn('quiet_pages').execute();
}
