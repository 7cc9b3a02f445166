/**
 * Idle sockets on one node (DESIGN.md §6: ≥ 10 000 per node):
 * - memory per idle visitor socket: the node's RSS and JS heap before and
 *   after N sockets connect, read from inside the node (bench/memory-probe.ts)
 *   after a full GC, divided by N. The node is its own process, so the client
 *   sockets' memory never mixes in;
 * - time to accept 10 000 sockets: client processes (bench/idle-client.ts)
 *   open them at once, each visitor a contact of its own, websocket transport.
 *
 * Every visitor is booted first (a contact in the database each), so the
 * measurements cover the socket alone: handshake, auth middleware (token,
 * workspace, contact reads), room join, then holding it.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { type BenchProcess, bootVisitors, connectVisitorSocket, startParleyNode } from './bench-processes.js';
import type { OpenedReport, OpenRequest } from './idle-client.js';

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface IdleSocketsResult {
  /** Sockets held for the memory measurement. */
  sockets: number;
  rssBytesPerSocket: number;
  heapBytesPerSocket: number;
  baselineRssMb: number;
  /** Visitors booted per second (HTTP, one new contact each): the setup, for scale. */
  bootsPerSecond: number;
  accept: {
    wanted: number;
    connected: number;
    failed: number;
    firstError?: string;
    seconds: number;
    clientProcesses: number;
    /** The node's RSS with them all connected, and per socket over its idle baseline. */
    rssMb: number;
    rssBytesPerSocket: number;
  };
  /** `ulimit -n` of this process and so of the node and the clients (each needs one descriptor per socket). */
  fdLimit: string;
}

function memoryOf(node: BenchProcess): Promise<Memory> {
  return new Promise((resolve) => {
    const on = (m: { type?: string } & Memory) => {
      if (m.type !== 'memory') return;
      node.proc.off('message', on);
      resolve({ rss: m.rss, heapUsed: m.heapUsed, external: m.external });
    };
    node.proc.on('message', on);
    node.proc.send({ type: 'memory' });
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probedNode(dbFile: string): Promise<BenchProcess & { base: string }> {
  return startParleyNode({
    env: { DATABASE_URL: `sqlite:${dbFile}` },
    nodeArgs: ['--expose-gc', '--import', 'tsx', '--import', './bench/memory-probe.ts'],
    ipc: true,
  });
}

function startClient(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/idle-client.ts'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`idle client exited ${code}`)));
  });
}

async function openAll(base: string, tokens: string[], processes: number): Promise<{ reports: OpenedReport[]; seconds: number; clients: ChildProcess[] }> {
  const clients = await Promise.all(Array.from({ length: processes }, startClient));
  const share = Math.ceil(tokens.length / processes);
  const t0 = performance.now();
  const reports = await Promise.all(
    clients.map(
      (c, i) =>
        new Promise<OpenedReport>((resolve) => {
          c.once('message', (m: OpenedReport) => resolve(m));
          c.send({ type: 'open', base, tokens: tokens.slice(i * share, (i + 1) * share), concurrency: 64 } satisfies OpenRequest);
        }),
    ),
  );
  return { reports, seconds: (performance.now() - t0) / 1000, clients };
}

async function closeClients(clients: ChildProcess[]): Promise<void> {
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.once('exit', () => resolve());
          c.send({ type: 'close' });
        }),
    ),
  );
}

export async function benchIdleSockets(opts: { sockets?: number; accept?: number; clientProcesses?: number } = {}): Promise<IdleSocketsResult> {
  const sockets = opts.sockets ?? 5_000;
  const wanted = opts.accept ?? 10_000;
  const clientProcesses = opts.clientProcesses ?? 2;
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-idle-'));
  const dbFile = join(dir, 'idle.db');
  try {
    // Memory: N sockets from this process into a node of its own.
    let node = await probedNode(dbFile);
    const t0 = performance.now();
    const tokens = await bootVisitors(node.base, Math.max(sockets, wanted));
    const bootsPerSecond = tokens.length / ((performance.now() - t0) / 1000);
    await node.stop();
    // A fresh process on the same database: the boots' garbage and caches are not in the baseline.
    node = await probedNode(dbFile);
    await settle(1_000);
    const before = await memoryOf(node);
    const held: Socket[] = [];
    for (let i = 0; i < sockets; i += 50) held.push(...(await Promise.all(tokens.slice(i, Math.min(sockets, i + 50)).map((t) => connectVisitorSocket(node.base, t)))));
    await settle(2_000);
    const after = await memoryOf(node);
    held.forEach((s) => s.close());
    await node.stop();

    // Accept: all at once, from client processes.
    node = await probedNode(dbFile);
    await settle(1_000);
    const idle = await memoryOf(node);
    const opened = await openAll(node.base, tokens.slice(0, wanted), clientProcesses);
    await settle(2_000);
    const full = await memoryOf(node);
    await closeClients(opened.clients);
    await node.stop();

    const connected = opened.reports.reduce((n, r) => n + r.connected, 0);
    return {
      sockets,
      rssBytesPerSocket: (after.rss - before.rss) / sockets,
      heapBytesPerSocket: (after.heapUsed - before.heapUsed) / sockets,
      baselineRssMb: before.rss / 1e6,
      bootsPerSecond,
      accept: {
        wanted,
        connected,
        failed: opened.reports.reduce((n, r) => n + r.failed, 0),
        firstError: opened.reports.find((r) => r.firstError)?.firstError,
        seconds: opened.seconds,
        clientProcesses,
        rssMb: full.rss / 1e6,
        rssBytesPerSocket: connected > 0 ? (full.rss - idle.rss) / connected : Number.NaN,
      },
      fdLimit: execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
