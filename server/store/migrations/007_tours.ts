import type { Kysely } from 'kysely';

/**
 * Product tours are content like surveys: a `campaigns` row with format
 * "tour" and its steps in `tour`. Each send (delivery) is one run: where the
 * user is (resume across pages) and how it ended; step events (seen, element
 * missing, dismissed here) are one row each, so the drop-off funnel is a
 * GROUP BY and a repeated report is written once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('tour', 'text').execute();

  await db.schema
    .createTable('tour_runs')
    .addColumn('delivery_id', 'text', (c) => c.primaryKey().references('campaign_deliveries.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('tour_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('at', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('ended_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tour_runs_tour').on('tour_runs').columns(['tour_id', 'status']).execute();

  await db.schema
    .createTable('tour_step_events')
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('campaign_deliveries.id').onDelete('cascade'))
    .addColumn('tour_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tour_step_events_pk', ['delivery_id', 'step_id', 'kind'])
    .execute();
  await db.schema.createIndex('tour_step_events_tour').on('tour_step_events').columns(['tour_id', 'step_id', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tour_step_events').ifExists().execute();
  await db.schema.dropTable('tour_runs').ifExists().execute();
  await db.schema.alterTable('campaigns').dropColumn('tour').execute();
}
