/**
 * Runs a background job on one node at a time. A lease row per job
 * (`job_leases`, migration 015) names its holder until `expires_at`; a node
 * takes it with a compare-and-set (free, expired, or already its own) and
 * renews it at every run while it lives. When the holder dies the lease
 * expires and the next node to try takes over: at most one lease period
 * without the job, never two nodes running it at once.
 *
 * The jobs' own writes stay compare-and-set (a snooze reopens only if still
 * snoozed…), so even a holder that stalls past its lease cannot apply a change
 * twice: the lease keeps the work from being done N times, the CAS keeps its
 * effects exactly once.
 *
 * @example const leased = jobLease(db, nodeId); setInterval(() => leased('snooze', 30_000, scan), 15_000)
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

export type LeasedRun = <T>(job: string, ttlMs: number, run: () => Promise<T>) => Promise<T | undefined>;

/** Takes or renews the lease; true when `holder` holds it until `now + ttlMs`. */
export async function acquireLease(db: Kysely<Database>, job: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db.insertInto('job_leases').values({ name: job, holder, expires_at: expiresAt }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const taken = await db
    .updateTable('job_leases')
    .set({ holder, expires_at: expiresAt })
    .where('name', '=', job)
    .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<', now.toISOString())]))
    .executeTakeFirst();
  return taken.numUpdatedRows === 1n;
}

/** Lets the lease go (a node stopping on purpose), so another node takes over at its next run. */
export async function releaseLeases(db: Kysely<Database>, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('holder', '=', holder).execute();
}

/** A runner that runs `run` only while this node holds the job's lease (undefined otherwise). */
export function jobLease(db: Kysely<Database>, holder: string, clock: () => Date = () => new Date()): LeasedRun {
  return async (job, ttlMs, run) => ((await acquireLease(db, job, holder, ttlMs, clock())) ? run() : undefined);
}
