/**
 * Parley nodes as real child processes (`node --import tsx server/main.ts`), so
 * a fault test can kill one with SIGKILL the way an OOM killer or a lost VM
 * would, and can tell a crash (the process exited) from a slow answer. Works
 * from a fresh clone: no build needed.
 *
 * Every process started here is remembered; `killAllNodes()` (each test
 * file's afterAll) kills whatever is still running, even when a test failed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ADMIN, IDENTITY_SECRET } from '../../test-support/test-server.js';

export interface NodeProcess {
  url: string;
  port: number;
  pid: number;
  /** Set once the process has exited (its code, or the signal that ended it). */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** The last lines it wrote (stdout and stderr), for a failing assertion's message. */
  output(): string;
  /** SIGKILL (default) or another signal; resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

export interface NodeProcessOptions {
  /** DATABASE_URL, REDIS_URL, REDIS_PREFIX, limits… on top of the defaults below. */
  env: Record<string, string>;
  port?: number;
  /** How long /health may take to answer before the start counts as failed. */
  startTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startNodeProcess({ env, port: wanted, startTimeoutMs = 90_000 }: NodeProcessOptions): Promise<NodeProcess> {
  const port = wanted ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      IDENTITY_SECRET,
      // Warnings and errors only: what a fault test wants to see when it fails.
      LOG_LEVEL: 'warn',
      // Only what the test names: no Redis unless it says so.
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const node: NodeProcess = {
    url,
    port,
    pid: child.pid ?? -1,
    exit: null,
    output: () => tail,
    kill: (signal = 'SIGKILL') => stop(child, signal),
  };
  child.once('exit', (code, signal) => {
    node.exit = { code, signal };
    running.delete(child);
  });

  const end = Date.now() + startTimeoutMs;
  while (Date.now() < end) {
    if (node.exit) throw new Error(`node on ${url} exited while starting (${JSON.stringify(node.exit)}):\n${tail}`);
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) return node;
    await sleep(100);
  }
  await node.kill();
  throw new Error(`node on ${url} did not answer /health within ${startTimeoutMs} ms:\n${tail}`);
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Kills every node process still running (afterAll of each fault test). */
export async function killAllNodes(): Promise<void> {
  await Promise.all([...running].map((child) => stop(child, 'SIGKILL')));
}
