import type { Kysely } from 'kysely';

/**
 * Leases for background jobs (snooze wake-ups, series waits, webhook retries,
 * retention): with several nodes on one database, the node holding a job's
 * lease runs it and the others stand by until the lease expires. In the
 * database, not Redis, so it holds on one node without Redis too and can
 * never disagree with the rows the job changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_leases').ifExists().execute();
}
