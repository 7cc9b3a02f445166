import { type Kysely, SqliteAdapter } from 'kysely';

/**
 * Whether a Kysely instance talks to SQLite. For the few things that exist on
 * one database only (FTS5 search tables); everything else is portable SQL.
 */
export function isSqlite<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
