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
