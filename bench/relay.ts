/**
 * Message relay, Parley vs a raw Socket.IO relay (DESIGN.md §6), each server in
 * its own process on this machine:
 * - throughput: C visitors each send M messages back to back (awaiting each ack);
 * - ack latency at a fixed offered rate (2 000 msg/s for 5 s): p50 / p99.
 * Parley stores every message durably (SQLite WAL) before acking and fans it out
 * to a connected agent socket; the raw relay only forwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { ADMIN, bootVisitor, loginAgent } from '../server/test-support/test-server.js';

export interface RelayResult {
  throughput: number;
  p50: number;
  p99: number;
  offeredRate: number;
  achievedRate: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

function startProcess(args: string[], env: Record<string, string>): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)|running on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve({ proc, port: Number(m[1] ?? m[2]) });
    });
    proc.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function connect(url: string, opts: Record<string, unknown>): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...opts });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function run(clients: Array<{ socket: Socket; send: (i: number) => unknown[] }>, perClient: number, rate: number): Promise<RelayResult> {
  // Throughput: closed loop.
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, ci) => {
      for (let i = 0; i < perClient; i++) await c.socket.emitWithAck('message:send', ...(c.send(ci * 1_000_000 + i) as [unknown]));
    }),
  );
  const throughput = (clients.length * perClient) / ((performance.now() - t0) / 1000);

  // Latency: open loop at a fixed offered rate, spread over the clients.
  const latencies: number[] = [];
  const total = rate * 5;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const c = clients[i % clients.length];
    const sent = performance.now();
    pending.push(c.socket.emitWithAck('message:send', ...(c.send(10_000_000 + i) as [unknown])).then(() => void latencies.push(performance.now() - sent)));
  }
  await Promise.all(pending);
  const achievedRate = total / ((performance.now() - start) / 1000);
  return { throughput, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), offeredRate: rate, achievedRate };
}

export async function benchRelay(opts: { clients?: number; perClient?: number; rate?: number } = {}): Promise<{ raw: RelayResult; parley: RelayResult }> {
  const clients = opts.clients ?? 20;
  const perClient = opts.perClient ?? 250;
  const rate = opts.rate ?? 2_000;

  const raw = await startProcess(['--import', 'tsx', 'bench/raw-echo-server.ts'], { PORT: '0' });
  const rawAgent = await connect(`http://127.0.0.1:${raw.port}`, {});
  rawAgent.emit('agent');
  const rawClients = await Promise.all(
    Array.from({ length: clients }, async () => ({ socket: await connect(`http://127.0.0.1:${raw.port}`, {}), send: (i: number) => [{ conversationId: 'c', clientId: `raw-${i}`, body: `message ${i}` }] })),
  );
  const rawResult = await run(rawClients, perClient, rate);
  [...rawClients.map((c) => c.socket), rawAgent].forEach((s) => s.close());
  raw.proc.kill();

  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const port = await freePort();
  const parley = await startProcess([...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'dist/server/main.js'], {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    SOCKET_EVENTS_PER_10S: '1000000',
  });
  const base = `http://127.0.0.1:${parley.port}`;
  const session = await loginAgent(base);
  const agent = await connect(`${base}/agent`, { extraHeaders: { origin: base, cookie: session.cookie } });
  const parleyClients = await Promise.all(
    Array.from({ length: clients }, async (_, ci) => {
      const { token } = await bootVisitor(base);
      const socket = await connect(`${base}/visitor`, { auth: { token }, query: { appId: 'demo' }, extraHeaders: { origin: base } });
      const started = (await socket.emitWithAck('conversation:start', { clientId: `bench-start-${ci}-${Date.now()}`, body: 'hello' })) as { data: { conversation: { id: string } } };
      const conversationId = started.data.conversation.id;
      return { socket, send: (i: number) => [{ conversationId, clientId: `bench-${ci}-${i}`, body: `message ${i}` }] };
    }),
  );
  const parleyResult = await run(parleyClients, perClient, rate);
  [...parleyClients.map((c) => c.socket), agent].forEach((s) => s.close());
  parley.proc.kill('SIGINT');
  await new Promise((r) => parley.proc.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  return { raw: rawResult, parley: parleyResult };
}
