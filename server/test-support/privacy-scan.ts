/**
 * Looks for strings anywhere in a test server's database, the way someone
 * with the raw files would. SQLite: the WAL is checkpointed (and truncated)
 * and the file VACUUMed first, then the bytes of the database file (and any
 * WAL left) are searched, and each word is looked up in the FTS5 indexes.
 * Postgres: every row of every table of the server's schema, cast to text
 * (generated tsvector columns included). Case-insensitive.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { isSqlite } from '../store/dialect.js';
import type { TestServer } from './test-server.js';

export async function findInStore(server: TestServer, needles: readonly string[], words: readonly string[] = []): Promise<string[]> {
  const db = server.domain.db;
  const found: string[] = [];
  if (isSqlite(db)) {
    // Checkpoint and VACUUM before reading: what is left is what the file holds, not what a WAL frame or a free page still did.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    await sql`VACUUM`.execute(db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    const file = join(server.dir, 'parley.db');
    const bytes = Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]).toString('latin1').toLowerCase();
    for (const needle of [...needles, ...words]) {
      if (bytes.includes(Buffer.from(needle.toLowerCase(), 'utf8').toString('latin1'))) found.push(`file: ${needle}`);
    }
    for (const word of words) {
      for (const index of ['messages_fts', 'contacts_fts']) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(index)} where ${sql.table(index)} match ${`"${word}"`}`.execute(db);
        if (Number(rows[0]?.n) > 0) found.push(`${index}: ${word}`);
      }
    }
    return found;
  }
  const { rows: tables } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  for (const { name } of tables) {
    const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(db);
    const text = rows.map((r) => r.row).join('\n').toLowerCase();
    for (const needle of [...needles, ...words]) if (text.includes(needle.toLowerCase())) found.push(`${name}: ${needle}`);
  }
  return found;
}
