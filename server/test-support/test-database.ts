/**
 * The database an integration test's server runs on. SQLite in the test's own
 * directory by default; with PARLEY_TEST_STORE=postgres, a schema of its own in
 * the Postgres at PARLEY_TEST_POSTGRES (the machine's 127.0.0.1:5432 `test`),
 * so parallel files never share tables, dropped when the server stops.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  /** Drops what `create` made (the SQLite file goes with the test's directory). */
  drop(): Promise<void>;
  /** Makes sure the schema exists again (see startTestServer's retry). */
  ensure(): Promise<void>;
}

export const testStoreKind = (): 'sqlite' | 'postgres' => (process.env.PARLEY_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite');

const SCHEMA_PREFIX = 'parley_test_';
/** Older than any test run: a schema this old was left by a run that died before its cleanup. */
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

const postgresBase = () => process.env.PARLEY_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A Postgres URL whose connections see only `schema` (through the search_path startup option). */
export function postgresUrlForSchema(schema: string, base = postgresBase()): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function onPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresBase() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(dir: string): Promise<TestDatabase> {
  if (testStoreKind() === 'sqlite') return { url: `sqlite:${join(dir, 'parley.db')}`, drop: async () => {}, ensure: async () => {} };
  return createPostgresTestSchema();
}

export interface PostgresTestSchema extends TestDatabase {
  schema: string;
}

/**
 * A Postgres schema of its own, whatever PARLEY_TEST_STORE says: for tests that
 * need Postgres itself (several node processes on one database, server/faults/).
 */
export async function createPostgresTestSchema(): Promise<PostgresTestSchema> {
  // The creation time in the name lets a later run clear what a killed run left behind.
  const schema = `${SCHEMA_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onPostgres(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    url: postgresUrlForSchema(schema),
    drop: () => onPostgres(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
    ensure: () => onPostgres(`CREATE SCHEMA IF NOT EXISTS ${schema}`),
  };
}

/** Drops the test schemas of runs that died before dropping their own (vitest globalSetup of the Postgres project). */
export async function dropStaleTestSchemas(now = Date.now()): Promise<void> {
  const client = new pg.Client({ connectionString: postgresBase() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`, [SCHEMA_PREFIX]);
    for (const { name } of rows) {
      const createdAt = Number.parseInt(name.slice(SCHEMA_PREFIX.length).split('_')[0] ?? '', 36);
      if (Number.isFinite(createdAt) && now - createdAt > STALE_AFTER_MS) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    }
  } finally {
    await client.end();
  }
}
