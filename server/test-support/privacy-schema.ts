/**
 * Reads the live schema (SQLite: pragma_table_list / table_info /
 * foreign_key_list; Postgres: information_schema) and finds every table tied
 * to a contact: a `contact_id` column or a foreign key to `contacts`, or a
 * column referencing a table already tied (a foreign key, or by name:
 * `conversation_id` → conversations, `delivery_id` → campaign_deliveries…),
 * to any depth. For the privacy completeness tests.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/index.js';
import { isSqlite } from '../store/dialect.js';

export interface SchemaTable {
  name: string;
  columns: string[];
  /** column → referenced table. */
  foreignKeys: Record<string, string>;
}

export async function readSchema(db: Kysely<Database>): Promise<SchemaTable[]> {
  return isSqlite(db) ? readSqlite(db) : readPostgres(db);
}

async function readSqlite(db: Kysely<Database>): Promise<SchemaTable[]> {
  // type 'table' only: FTS5's virtual tables and their shadow tables are search indexes (checked by the scan).
  const { rows: tables } = await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db);
  const out: SchemaTable[] = [];
  for (const { name } of tables) {
    const { rows: columns } = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
    const { rows: fks } = await sql<{ table: string; from: string }>`select "table", "from" from pragma_foreign_key_list(${name})`.execute(db);
    out.push({ name, columns: columns.map((c) => c.name), foreignKeys: Object.fromEntries(fks.map((f) => [f.from, f.table])) });
  }
  return out;
}

async function readPostgres(db: Kysely<Database>): Promise<SchemaTable[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db);
  const { rows: columns } = await sql<{ table: string; name: string }>`
    select table_name as "table", column_name as name from information_schema.columns where table_schema = current_schema()`.execute(db);
  const { rows: fks } = await sql<{ table: string; column: string; ref: string }>`
    select kcu.table_name as "table", kcu.column_name as "column", ccu.table_name as ref
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return tables.map(({ name }) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => c.name),
    foreignKeys: Object.fromEntries(fks.filter((f) => f.table === name).map((f) => [f.column, f.ref])),
  }));
}

/** Columns without a foreign key that still name a row of another table. */
const BY_NAME: Record<string, string> = {
  contact_id: 'contacts',
  conversation_id: 'conversations',
  message_id: 'messages',
  delivery_id: 'campaign_deliveries',
  survey_delivery_id: 'campaign_deliveries',
  enrollment_id: 'series_enrollments',
};

/** Table → the column and table that tie it to a contact, for every table tied to one. */
export function contactLinkedTables(schema: readonly SchemaTable[]): Map<string, string> {
  const linked = new Map<string, string>([['contacts', 'itself']]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of schema) {
      if (linked.has(table.name)) continue;
      for (const column of table.columns) {
        const target = table.foreignKeys[column] ?? BY_NAME[column];
        if (target && linked.has(target)) {
          linked.set(table.name, `${column} → ${target}`);
          grew = true;
          break;
        }
      }
    }
  }
  return linked;
}
