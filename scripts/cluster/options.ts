/**
 * What `npm run cluster` runs, from its flags and the environment: how many
 * nodes, which ports, which database schema and Redis prefix. Kept apart from
 * the process handling so the rules (a schema of its own, a login that stays
 * the same across runs) read in one place.
 *
 * @example const options = clusterOptions(process.argv.slice(2), process.env)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export interface ClusterOptions {
  nodes: number;
  /** The proxy's port (the one URL people use). */
  port: number;
  /** Node i listens on basePort + i (127.0.0.1 only: reached through the proxy). */
  basePort: number;
  /** Interface the proxy listens on. */
  host: string;
  /** Postgres URL whose connections see only `schema` (search_path). */
  databaseUrl: string;
  schema: string;
  redisUrl: string;
  redisPrefix: string;
  publicUrl: string;
  /** Run server/main.ts through tsx instead of the build (tests, quick trials from a fresh clone). */
  source: boolean;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_SCHEMA = 'parley_cluster';

const USAGE = `usage: npm run cluster -- [--nodes N] [--port P] [--base-port B] [--source]
  --nodes N      Parley nodes to start (CLUSTER_NODES, default 2)
  --port P       the round-robin proxy's port (CLUSTER_PORT, default 3000)
  --base-port B  first node's port; the others follow (CLUSTER_BASE_PORT, default P + 1)
  --source       run server/main.ts with tsx instead of dist/ (no build)
env: DATABASE_URL (Postgres; schema CLUSTER_SCHEMA, default ${DEFAULT_SCHEMA}), REDIS_URL, REDIS_PREFIX, PUBLIC_URL, ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

function portNumber(value: string | undefined, what: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new UsageError(`${what} must be a port number, not "${value}"`);
  return n;
}

/**
 * The schema named by the URL's `options=-c search_path=…`, or `fallback` set
 * on it. A schema name is spliced into SQL by `ensureSchema`, so only plain
 * identifiers pass.
 */
export function withSchema(databaseUrl: string, fallback: string): { url: string; schema: string } {
  const url = new URL(databaseUrl);
  const named = /search_path=([^\s,]+)/.exec(url.searchParams.get('options') ?? '')?.[1];
  const schema = named ?? fallback;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new UsageError(`schema "${schema}" must be a lower-case identifier`);
  if (!named) url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

export function clusterOptions(args: readonly string[], env: NodeJS.ProcessEnv): ClusterOptions {
  if (args.includes('--help') || args.includes('-h')) throw new UsageError('');
  const nodes = Number(flag(args, '--nodes') ?? env.CLUSTER_NODES ?? 2);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 32) throw new UsageError('--nodes must be a whole number from 1 to 32');
  const port = portNumber(flag(args, '--port') ?? env.CLUSTER_PORT, '--port', 3000);
  const basePort = portNumber(flag(args, '--base-port') ?? env.CLUSTER_BASE_PORT, '--base-port', port + 1);
  if (basePort + nodes - 1 > 65_535) throw new UsageError('the nodes\' ports run past 65535');
  if (port >= basePort && port < basePort + nodes) throw new UsageError('the proxy\'s port falls among the nodes\' ports');
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('DATABASE_URL must be a postgres:// URL: several nodes cannot share one SQLite file');
  const { url, schema } = withSchema(databaseUrl, env.CLUSTER_SCHEMA || DEFAULT_SCHEMA);
  return {
    nodes,
    port,
    basePort,
    host: env.HOST || '0.0.0.0',
    databaseUrl: url,
    schema,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX || 'parley-cluster',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    source: args.includes('--source'),
  };
}

/** Creates the cluster's schema if it is missing (the first node then migrates it). */
export async function ensureSchema(databaseUrl: string, schema: string): Promise<void> {
  // The URL's search_path would not matter to CREATE SCHEMA; connect without it all the same.
  const base = new URL(databaseUrl);
  base.searchParams.delete('options');
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}

/**
 * The first agent's login. ADMIN_PASSWORD wins; otherwise one generated once
 * and kept in `file` (mode 600), so every later run prints the password the
 * database was seeded with. A seeded database keeps its first admin: changing
 * these later changes only what is printed.
 */
export function adminLogin(env: NodeJS.ProcessEnv, file: string): { email: string; password: string; stored?: string } {
  const email = env.ADMIN_EMAIL || 'admin@parley.local';
  if (env.ADMIN_PASSWORD) return { email, password: env.ADMIN_PASSWORD };
  if (existsSync(file)) {
    const [storedEmail, password] = readFileSync(file, 'utf8').trim().split('\n');
    if (storedEmail === email && password) return { email, password, stored: file };
  }
  const password = randomBytes(12).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600 });
  return { email, password, stored: file };
}
