/**
 * The three relays the message benchmark compares, each set up the same way:
 * `clients` sending sockets (each with a conversation of its own) and one
 * receiving agent socket, servers in processes of their own.
 * - raw: a plain Socket.IO relay that stores nothing (the baseline of DESIGN.md §6);
 * - sqlite: one Parley node on SQLite (the default install);
 * - cluster: two Parley nodes on Postgres + Redis, senders on node A and the
 *   agent on node B, so every message crosses the Redis Streams adapter.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { createPostgresTestSchema } from '../server/test-support/test-database.js';
import { BENCH_REDIS_URL, bootVisitors, connect, connectVisitorSocket, loginAgent, startParleyNode, startProcess } from './bench-processes.js';

export interface Sender {
  socket: Socket;
  /** The `message:send` payload of the sender's i-th message (its clientId is `clientIdOf(i)`). */
  payload(i: number): unknown;
  clientIdOf(i: number): string;
}

export interface RelaySetup {
  senders: Sender[];
  agent: Socket;
  /** The server processes, whose CPU time the bench reads. */
  serverPids: number[];
  close(): Promise<void>;
}

export async function rawSetup(clients: number): Promise<RelaySetup> {
  const raw = await startProcess(['--import', 'tsx', 'bench/raw-echo-server.ts'], { PORT: '0' });
  const url = `http://127.0.0.1:${raw.port}`;
  const agent = await connect(url, {});
  await agent.emitWithAck('agent');
  const senders = await Promise.all(
    Array.from({ length: clients }, async (_, ci): Promise<Sender> => {
      const clientIdOf = (i: number) => `raw-${ci}-${i}`;
      return { socket: await connect(url, {}), clientIdOf, payload: (i) => ({ conversationId: `c${ci}`, clientId: clientIdOf(i), body: `message ${i}` }) };
    }),
  );
  return {
    senders,
    agent,
    serverPids: [raw.proc.pid ?? -1],
    close: async () => {
      [...senders.map((s) => s.socket), agent].forEach((s) => s.close());
      await raw.stop();
    },
  };
}

async function parleySenders(base: string, clients: number): Promise<Sender[]> {
  const tokens = await bootVisitors(base, clients);
  const run = randomBytes(3).toString('hex');
  return Promise.all(
    tokens.map(async (token, ci): Promise<Sender> => {
      const socket = await connectVisitorSocket(base, token);
      const started = (await socket.emitWithAck('conversation:start', { clientId: `bench-start-${run}-${ci}`, body: 'hello' })) as { ok: boolean; data: { conversation: { id: string } } };
      if (!started.ok) throw new Error(`conversation:start failed: ${JSON.stringify(started)}`);
      const conversationId = started.data.conversation.id;
      const clientIdOf = (i: number) => `bench-${run}-${ci}-${i}`;
      return { socket, clientIdOf, payload: (i) => ({ conversationId, clientId: clientIdOf(i), body: `message ${i}` }) };
    }),
  );
}

async function parleyAgent(base: string): Promise<Socket> {
  return connect(`${base}/agent`, { extraHeaders: { origin: base, cookie: await loginAgent(base) } });
}

export async function sqliteSetup(clients: number): Promise<RelaySetup> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const node = await startParleyNode({ env: { DATABASE_URL: `sqlite:${join(dir, 'bench.db')}` } });
  const agent = await parleyAgent(node.base);
  const senders = await parleySenders(node.base, clients);
  return {
    senders,
    agent,
    serverPids: [node.proc.pid ?? -1],
    close: async () => {
      [...senders.map((s) => s.socket), agent].forEach((s) => s.close());
      await node.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Removes every key and stream under `prefix`. */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

export async function clusterSetup(clients: number): Promise<RelaySetup> {
  const schema = await createPostgresTestSchema();
  const prefix = `parley-bench-${randomBytes(4).toString('hex')}`;
  const env = { DATABASE_URL: schema.url, REDIS_URL: BENCH_REDIS_URL, REDIS_PREFIX: prefix };
  // A migrates and seeds the new schema alone; B joins it.
  const a = await startParleyNode({ env });
  const b = await startParleyNode({ env });
  const agent = await parleyAgent(b.base);
  const senders = await parleySenders(a.base, clients);
  return {
    senders,
    agent,
    serverPids: [a.proc.pid ?? -1, b.proc.pid ?? -1],
    close: async () => {
      [...senders.map((s) => s.socket), agent].forEach((s) => s.close());
      await Promise.all([a.stop(), b.stop()]);
      await schema.drop();
      await dropRedisPrefix(prefix);
    },
  };
}
