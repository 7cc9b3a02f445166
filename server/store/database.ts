/**
 * Opens the store named by DATABASE_URL: `sqlite:<path>` (the embedded default)
 * or `postgres://…`. The rest of the server sees one Kysely<Database> either way.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A pooled Postgres connection broke (see below); the pool has already replaced it. */
  onConnectionError?: (err: Error) => void;
}

export function openStore(url: string, { onConnectionError = () => {} }: StoreOptions = {}): Store {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // A connection Postgres ends (restart, failover, pg_terminate_backend) makes its pg client emit
    // 'error'. With no listener that is an uncaught exception and the whole node dies (found by
    // server/faults/postgres-terminate.test.ts). Idle clients: the pool drops them and re-emits on
    // itself. Checked-out ones: the query in flight fails on its own (the request is answered with
    // an error and the client resends), and pg-pool drops the broken client when it is released.
    // Either way the next query gets a fresh connection: listening is all that is needed.
    pool.on('error', onConnectionError);
    pool.on('connect', (client) => client.on('error', onConnectionError));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const file = sqliteFileFromUrl(url);
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer. synchronous=NORMAL in WAL mode keeps every
  // committed transaction across a process crash (the guarantee we ack on); only an
  // OS crash or power loss can lose the last commits. SQLITE_SYNCHRONOUS=FULL trades
  // throughput for that too.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  // Deleted content is overwritten, not left in free pages: an erased contact's data leaves the file (docs/privacy.md).
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

export function sqliteFileFromUrl(url: string): string {
  const rest = url.replace(/^sqlite:(\/\/)?/, '');
  return rest === '' ? './data/parley.db' : rest;
}

/**
 * Kysely prepares every query anew; preparing costs more than running our small
 * queries (it was the top entry of the relay benchmark's profile). Statements are
 * reusable, and Kysely runs each one to completion synchronously, so a cache by
 * SQL text is safe. Our queries come from a fixed set of builders: the cache stays small.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, max = 500): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return (sql: string) => {
        let stmt = cache.get(sql);
        if (!stmt) {
          stmt = target.prepare(sql);
          if (cache.size >= max) cache.delete(cache.keys().next().value as string);
          cache.set(sql, stmt);
        }
        return stmt;
      };
    },
  });
}
