/**
 * What the server benchmarks share: servers run as child processes (so the
 * load generator's CPU and memory never count as the server's), free ports,
 * websocket-only socket.io clients, quantiles. Parley nodes run the build
 * (`dist/server/main.js`), as `npm start` does; nothing here imports the
 * server's sources, so a bench measures the build whatever the tree holds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { io, type Socket } from 'socket.io-client';

/** The first agent of every bench node's new database. */
export const BENCH_ADMIN = { email: 'admin@bench.local', password: 'bench password, not a secret' };
/** The machine's Redis, as the tests use it. */
export const BENCH_REDIS_URL = process.env.PARLEY_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export interface BenchProcess {
  proc: ChildProcess;
  port: number;
  /** SIGINT (a Parley node drains and exits); resolves once the process is gone. */
  stop(): Promise<void>;
}

export const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** CPU time (user + system, ms) the processes have used so far; NaN where /proc is missing (not Linux). */
export function cpuMsOf(pids: readonly number[]): number {
  try {
    return pids.reduce((sum, pid) => {
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    }, 0);
  } catch {
    return Number.NaN;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

/**
 * Starts `node <args>` and resolves with its port once it prints `READY <port>`
 * (the raw relay) or Parley's "running on" banner. `ipc` opens a channel
 * (bench/memory-probe.ts answers on it).
 */
export function startProcess(args: readonly string[], env: Record<string, string>, opts: { ipc?: boolean } = {}): Promise<BenchProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...args], {
      env: { ...process.env, ...env },
      stdio: opts.ipc ? ['ignore', 'pipe', 'inherit', 'ipc'] : ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    const stop = async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGINT');
      await exited;
    };
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)|running on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve({ proc, port: Number(m[1] ?? m[2]), stop });
    });
    proc.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

export interface ParleyNodeOptions {
  /** DATABASE_URL, REDIS_URL, REDIS_PREFIX… */
  env: Record<string, string>;
  /** Extra node flags before the entry (`--expose-gc`, `--cpu-prof`…). */
  nodeArgs?: readonly string[];
  ipc?: boolean;
}

/** One Parley node from the build on a free port, with the test admin and no socket event budget to speak of. */
export async function startParleyNode({ env, nodeArgs = [], ipc }: ParleyNodeOptions): Promise<BenchProcess & { base: string }> {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
  const node = await startProcess(
    [...profile, ...nodeArgs, 'dist/server/main.js'],
    {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      HOST: '127.0.0.1',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: 'warn',
      SOCKET_EVENTS_PER_10S: '1000000',
      REDIS_URL: '',
      ...env,
    },
    { ipc },
  );
  return { ...node, base: `http://127.0.0.1:${node.port}` };
}

export function connect(url: string, opts: Record<string, unknown>): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...opts });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', (err) => {
      s.close();
      reject(err);
    });
  });
}

/**
 * Visitor tokens from the widget's boot endpoint. Each boot is a new contact;
 * the endpoint allows 120 a minute per client address, so the bench names a
 * different one every 100 (the node trusts X-Forwarded-For from loopback).
 */
const clientAddress = (i: number) => {
  const block = Math.floor(i / 100);
  return `10.0.${(block >> 8) & 255}.${block & 255}`;
};

export async function bootVisitors(base: string, count: number, concurrency = 16): Promise<string[]> {
  const tokens: string[] = new Array<string>(count);
  let nextIndex = 0;
  const worker = async () => {
    for (let i = nextIndex++; i < count; i = nextIndex++) {
      const res = await fetch(`${base}/api/v1/widget/boot`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: base, 'X-Forwarded-For': clientAddress(i) },
        body: JSON.stringify({ appId: 'demo' }),
      });
      const body = (await res.json()) as { token?: string };
      if (res.status !== 200 || !body.token) throw new Error(`boot failed (${res.status}): ${JSON.stringify(body)}`);
      tokens[i] = body.token;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens;
}

/** Logs the bench admin in; returns the session cookie the inbox's socket sends. */
export async function loginAgent(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A visitor socket the way the widget opens it. */
export function connectVisitorSocket(base: string, token: string): Promise<Socket> {
  return connect(`${base}/visitor`, { auth: { token }, query: { appId: 'demo' }, extraHeaders: { origin: base } });
}
