/**
 * `npm run cluster`: several Parley nodes on one machine, the way they run in
 * production (docs/scaling.md), for trying multi-node behaviour locally: N
 * nodes on consecutive ports sharing one Postgres schema and one Redis prefix,
 * behind a round-robin proxy whose URL is PUBLIC_URL. Node 1 starts alone
 * first (it migrates and seeds a new database), then the others.
 *
 * Ctrl-C (or SIGTERM) stops the proxy accepting and sends every node one
 * SIGTERM: each drains (health says draining, sockets are told to reconnect,
 * requests in flight finish, job leases are released) and exits. A second
 * Ctrl-C kills what is left.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminLogin, type ClusterOptions, clusterOptions, ensureSchema, UsageError } from './options.js';
import { type RunningNode, spawnNode, untilHealthy } from './nodes.js';
import { type Proxy, startProxy, type Upstream } from './proxy.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A node's drain takes at most 10 s (server/start.ts); past this it is killed. */
const STOP_GRACE_MS = 15_000;
const START_TIMEOUT_MS = 60_000;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let options: ClusterOptions;
try {
  options = clusterOptions(process.argv.slice(2), process.env);
} catch (err) {
  if (err instanceof UsageError) fail(err.message.trim(), 2);
  throw err;
}

const nodes: RunningNode[] = [];
let proxy: Proxy | null = null;
let stopping = false;
let stoppingSince = 0;
/** npm and the terminal may each deliver the same Ctrl-C: a repeat this soon is the same one, not a second. */
const SAME_SIGNAL_MS = 1_000;

// Whatever happens to this process, its nodes do not outlive it.
process.on('exit', () => nodes.forEach((n) => n.kill()));

async function stopAll(reason: string): Promise<void> {
  if (stopping) {
    if (Date.now() - stoppingSince < SAME_SIGNAL_MS) return;
    console.log('Stopping now.');
    nodes.forEach((n) => n.kill());
    process.exit(1);
  }
  stopping = true;
  stoppingSince = Date.now();
  console.log(`\n${reason}: draining ${nodes.filter((n) => n.isRunning()).length} node(s)…`);
  proxy?.stopAccepting();
  await Promise.all(nodes.map((n) => n.stop(STOP_GRACE_MS)));
  proxy?.destroy();
  const codes = await Promise.all(nodes.map((n) => n.exited));
  const unclean = nodes.filter((_, i) => codes[i].code !== 0);
  console.log(unclean.length === 0 ? 'All nodes stopped.' : `Stopped; ${unclean.map((n) => n.name).join(', ')} did not exit cleanly.`);
  process.exit(unclean.length === 0 ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(signal));

/** The URL as printed: without a password. */
function printable(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  u.searchParams.delete('options');
  return u.toString();
}

async function main(o: ClusterOptions): Promise<void> {
  const entry = o.source ? ['--import', 'tsx', 'server/main.ts'] : ['dist/server/main.js'];
  if (!o.source && !existsSync(join(root, 'dist/server/main.js'))) {
    console.log('dist/ is missing: building first (npm run build)…');
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) fail('The build failed.');
  }
  await ensureSchema(o.databaseUrl, o.schema);
  const login = adminLogin(process.env, join(root, 'data', 'cluster-admin.txt'));
  const env = {
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    REDIS_PREFIX: o.redisPrefix,
    PUBLIC_URL: o.publicUrl,
    ADMIN_EMAIL: login.email,
    ADMIN_PASSWORD: login.password,
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
  };
  const start = (i: number) => {
    const node = spawnNode({ name: `node-${i + 1}`, port: o.basePort + i, env, entry, cwd: root });
    nodes.push(node);
    void node.exited.then(({ code, signal }) => {
      if (!stopping) console.warn(`${node.name} exited (${signal ?? `code ${code}`}); the proxy skips it.`);
    });
    return node;
  };

  // The first node migrates (Kysely's migration lock would serialise them anyway) and seeds a new database alone.
  await untilHealthy(start(0), START_TIMEOUT_MS);
  await Promise.all(Array.from({ length: o.nodes - 1 }, (_, i) => untilHealthy(start(i + 1), START_TIMEOUT_MS)));
  if (stopping) return;

  const upstreams: Upstream[] = nodes.map((n) => ({ name: n.name, host: '127.0.0.1', port: n.port }));
  proxy = await startProxy({
    port: o.port,
    host: o.host,
    upstreams,
    onHealthChange: (u, healthy) => {
      if (!stopping && proxy) console.log(`proxy: ${u.name} is ${healthy ? 'back in rotation' : 'out of rotation (/health failed)'}`);
    },
  });

  const base = o.publicUrl;
  const pad = (s: string) => s.padEnd(18);
  console.log(`
  Parley cluster is running on ${base} (${o.nodes} node${o.nodes === 1 ? '' : 's'} behind a round-robin proxy on port ${proxy.port})
    ${pad('Demo host page')}${base}/demo/
    ${pad('Agent inbox')}${base}/inbox/
    ${pad('Health')}${base}/health  (X-Parley-Node names the node that answered)
${nodes.map((n) => `    ${pad(n.name)}http://127.0.0.1:${n.port}  pid ${n.pid}`).join('\n')}
    ${pad('Database')}${printable(o.databaseUrl)}  schema ${o.schema}
    ${pad('Redis')}${printable(o.redisUrl)}  prefix ${o.redisPrefix}
  Agent login       ${login.email} / ${login.password}${login.stored ? `\n                    (kept in ${login.stored}; a database seeded earlier keeps its first admin)` : ''}
  Ctrl-C stops every node gracefully.
`);
}

main(options).catch(async (err: unknown) => {
  console.error('The cluster could not start:', err instanceof Error ? err.message : err);
  stopping = true;
  await Promise.all(nodes.map((n) => n.stop(STOP_GRACE_MS)));
  proxy?.destroy();
  process.exit(1);
});
