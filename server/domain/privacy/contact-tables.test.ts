/**
 * The registry of contact tables against the live schema (SQLite here, and
 * Postgres in the `postgres` project): every table the schema ties to a
 * contact must say how it is exported and erased, or be listed as holding no
 * personal data. A table added later without an entry fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactLinkedTables, readSchema, type SchemaTable } from '../../test-support/privacy-schema.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { CONTACT_TABLES, NO_PERSONAL_DATA, contactTable } from './contact-tables.js';

let server: TestServer;
let schema: SchemaTable[];

beforeAll(async () => {
  server = await startTestServer();
  schema = await readSchema(server.domain.db);
});
afterAll(() => server.stop());

describe('contact table registry', () => {
  it('covers every table the schema ties to a contact (export and erase), or lists it as holding no personal data', () => {
    const linked = contactLinkedTables(schema);
    expect(linked.size).toBeGreaterThan(10);
    const uncovered = [...linked].filter(([table]) => !contactTable(table) && !(table in NO_PERSONAL_DATA)).map(([table, why]) => `${table} (${why})`);
    // A new table here needs an entry in CONTACT_TABLES (server/domain/privacy/contact-tables.ts), or in NO_PERSONAL_DATA with the reason.
    expect(uncovered).toEqual([]);
  });

  it('names only tables and columns that exist, and parents that are registered', () => {
    const byName = new Map(schema.map((t) => [t.name, t]));
    const problems: string[] = [];
    for (const entry of CONTACT_TABLES) {
      const table = byName.get(entry.table);
      if (!table) {
        problems.push(`${entry.table}: no such table`);
        continue;
      }
      for (const link of entry.links) {
        if (!table.columns.includes(link.column)) problems.push(`${entry.table}.${link.column}: no such column`);
        if ('parent' in link && !contactTable(link.parent)) problems.push(`${entry.table}: parent ${link.parent} is not registered`);
        if ('where' in link) for (const column of Object.keys(link.where ?? {})) if (!table.columns.includes(column)) problems.push(`${entry.table}.${column}: no such column`);
      }
    }
    for (const table of Object.keys(NO_PERSONAL_DATA)) if (!byName.has(table)) problems.push(`NO_PERSONAL_DATA.${table}: no such table`);
    expect(problems).toEqual([]);
  });

  it('lists each table once, the contact itself last (erase order)', () => {
    const names = CONTACT_TABLES.map((t) => t.table);
    expect(new Set(names).size).toBe(names.length);
    expect(names[names.length - 1]).toBe('contacts');
  });
});
