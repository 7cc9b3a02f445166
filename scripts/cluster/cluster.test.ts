/**
 * `npm run cluster` for real: the script starts two nodes (from the sources,
 * no build needed) on a Postgres schema and a Redis prefix of this test's own,
 * behind its proxy on a random port. Through the proxy only: /health is
 * answered by both nodes, a visitor and an agent talk live over websockets,
 * and SIGINT (Ctrl-C) stops every node gracefully.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/index.js';
import { createPostgresTestSchema, type PostgresTestSchema } from '../../server/test-support/test-database.js';
import {
  ADMIN,
  bootVisitor,
  connectAgent,
  connectVisitor,
  IDENTITY_SECRET,
  loginAgent,
  nextEvent,
  TEST_REDIS_URL,
} from '../../server/test-support/test-server.js';

const prefix = `parley-test-cluster-${randomBytes(4).toString('hex')}`;
let schema: PostgresTestSchema;
let cluster: ChildProcess;
let exited: Promise<number | null>;
let base = '';
let output = '';
let nodePids: number[] = [];
const sockets: { close(): void }[] = [];

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** A port with the two after it free too: the proxy's, then the nodes'. */
async function freeRun(length: number): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length }, (_, i) => portFree(port + i)));
    if (free.every(Boolean)) return port;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function untilOutput(pattern: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the cluster did not print ${pattern} within ${ms} ms:\n${output}`)), ms);
    const check = () => {
      if (!pattern.test(output)) return;
      clearTimeout(timer);
      resolve();
    };
    cluster.stdout?.on('data', check);
    void exited.then((code) => reject(new Error(`the cluster exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  schema = await createPostgresTestSchema();
  const port = await freeRun(3);
  base = `http://127.0.0.1:${port}`;
  cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster/cluster.ts', '--nodes', '2', '--port', String(port), '--source'], {
    env: {
      ...process.env,
      DATABASE_URL: schema.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      PUBLIC_URL: base,
      HOST: '127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      IDENTITY_SECRET,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => void (output += chunk.toString('utf8'));
  cluster.stdout?.on('data', keep);
  cluster.stderr?.on('data', keep);
  exited = new Promise((resolve) => cluster.once('exit', (code) => resolve(code)));
  await untilOutput(/Parley cluster is running on/, 45_000);
  nodePids = [...output.matchAll(/node-\d+\s+http:\/\/127\.0\.0\.1:\d+\s+pid (\d+)/g)].map((m) => Number(m[1]));
}, 50_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  if (cluster && cluster.exitCode === null && cluster.signalCode === null) {
    cluster.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  }
  // Whatever a failed test left running: only the processes this test started, by their ids.
  if (cluster && cluster.exitCode === null && cluster.signalCode === null) cluster.kill('SIGKILL');
  nodePids.filter(alive).forEach((pid) => process.kill(pid, 'SIGKILL'));
  await schema?.drop();
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}, 40_000);

describe('npm run cluster', () => {
  it('starts two nodes whose /health the proxy reaches in turn', async () => {
    expect(nodePids).toHaveLength(2);
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const res = await fetch(`${base}/health`);
        return { node: res.headers.get('x-parley-node'), body: (await res.json()) as { ok: boolean; store: string } };
      }),
    );
    expect(new Set(answers.map((a) => a.node))).toEqual(new Set(['node-1', 'node-2']));
    expect(answers.every((a) => a.body.ok && a.body.store === 'postgres')).toBe(true);
  });

  it('relays live between a visitor and an agent connected through the proxy (on different nodes)', async () => {
    // Sockets take turns of their own at the proxy: the agent's lands on one node, the visitor's on the other.
    const session = await loginAgent(base);
    const agent = await connectAgent(base, session.cookie);
    sockets.push(agent);
    const visitor = await connectVisitor(base, (await bootVisitor(base)).token);
    sockets.push(visitor);

    const agentSees = nextEvent<Message>(agent, 'message:new');
    const started = await visitor.emitWithAck('conversation:start', { clientId: 'cluster-start-1', body: 'Hello through the proxy' });
    if (!started.ok) throw new Error(started.error.message);
    expect((await agentSees).body).toBe('Hello through the proxy');

    const visitorSees = nextEvent<Message>(visitor, 'message:new');
    const reply = await agent.emitWithAck('message:send', { conversationId: started.data.conversation.id, clientId: 'cluster-reply-1', body: 'Hello back' });
    expect(reply.ok).toBe(true);
    expect(await visitorSees).toMatchObject({ body: 'Hello back', authorType: 'agent' });
  });

  it('stops every node gracefully on Ctrl-C (SIGINT)', async () => {
    cluster.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('All nodes stopped.');
    expect(nodePids.filter(alive)).toEqual([]);
  });
});
