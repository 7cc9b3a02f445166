/**
 * How a table's rows are tied to a contact, and the SQL that finds them: the
 * column holds the contact's id, or the id of a row of a parent table that is
 * itself tied to the contact, or (JSON payloads kept for delivery) the text
 * mentions the contact's id or one of its conversations' ids.
 *
 * Table and column names come from our own registry (contact-tables.ts),
 * never from input; `sql.table`/`sql.ref` quote them anyway.
 *
 * @example const where = await linkCondition(trx, entry, [contactId], findEntry)
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../store/index.js';

export type ContactLink =
  /** `column` holds the contact's id (`where`: and these columns hold these values). */
  | { column: string; where?: Record<string, string> }
  /** `column` holds the id of a row of `parent`, a table tied to the contact. */
  | { column: string; parent: string }
  /** `column` is text (a JSON payload) that mentions the contact's id or its conversations' ids. */
  | { column: string; mentions: true };

export interface LinkedTable {
  table: string;
  links: readonly ContactLink[];
}

type Find = (table: string) => LinkedTable | undefined;

const ref = (table: string, column: string) => sql.ref(`${table}.${column}`);

/** Contact ids → the ids of their conversations (for `mentions` links). */
async function conversationIds(db: Kysely<Database>, contactIds: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('conversations').select('id').where('contact_id', 'in', [...contactIds]).execute();
  return rows.map((r) => r.id);
}

async function oneLink(db: Kysely<Database>, table: string, link: ContactLink, contactIds: readonly string[], find: Find): Promise<RawBuilder<unknown>> {
  const column = ref(table, link.column);
  if ('parent' in link) {
    const parent = find(link.parent);
    if (!parent) throw new Error(`${table}.${link.column}: parent table ${link.parent} is not in the contact table registry`);
    const inner = await linkCondition(db, parent, contactIds, find);
    return sql`${column} in (select ${ref(parent.table, 'id')} from ${sql.table(parent.table)} where ${inner})`;
  }
  if ('mentions' in link) {
    const ids = [...contactIds, ...(await conversationIds(db, contactIds))];
    return sql`(${sql.join(
      ids.map((id) => sql`${column} like ${`%${id}%`}`),
      sql` or `,
    )})`;
  }
  const extra = Object.entries(link.where ?? {}).map(([col, value]) => sql` and ${ref(table, col)} = ${value}`);
  return sql`(${column} in (${sql.join([...contactIds])})${sql.join(extra, sql``)})`;
}

/** The condition matching `entry`'s rows tied to any of `contactIds` (its links or'ed). */
export async function linkCondition(db: Kysely<Database>, entry: LinkedTable, contactIds: readonly string[], find: Find): Promise<RawBuilder<unknown>> {
  const parts = await Promise.all(entry.links.map((link) => oneLink(db, entry.table, link, contactIds, find)));
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Every row of `entry` tied to the contacts, as stored. */
export async function linkedRows(db: Kysely<Database>, entry: LinkedTable, contactIds: readonly string[], find: Find): Promise<Array<Record<string, unknown>>> {
  const where = await linkCondition(db, entry, contactIds, find);
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(entry.table)} where ${where}`.execute(db);
  return rows;
}

/** Deletes every row of `entry` tied to the contacts; returns how many went. */
export async function deleteLinkedRows(db: Kysely<Database>, entry: LinkedTable, contactIds: readonly string[], find: Find): Promise<number> {
  const where = await linkCondition(db, entry, contactIds, find);
  const result = await sql`delete from ${sql.table(entry.table)} where ${where}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
