/**
 * Whether a write failed on a UNIQUE constraint (SQLite or Postgres), so a
 * race between two creates answers `conflict` like the check before it would.
 */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === '23505') return true;
  return typeof e.message === 'string' && /UNIQUE constraint failed|duplicate key value/.test(e.message);
}

/**
 * Runs an idempotent write (keyed by a client id) a second time when it failed
 * on a UNIQUE constraint. Two copies of one write in flight at once (a resend
 * racing its original, on Postgres) can both find no row and both insert; the
 * loser fails on the constraint, and its second run finds the winner's row and
 * answers as a resend does: with the same stored row, not an error (found by
 * server/faults/repeated-client-ids.test.ts).
 */
export async function retryOnUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return write();
  }
}
