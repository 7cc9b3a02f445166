/**
 * DESIGN.md §3 across a Redis outage: two nodes share a Redis of the test's
 * own; a visitor on node A and an agent on node B write to each other while
 * that Redis is killed (SIGKILL) and, a moment later, started again on the
 * same port — empty, as after a crash without persistence.
 *
 * Redis carries only the live pushes between nodes (and presence, rate
 * limits): while it is away, sends still reach the database and are acked,
 * pushes to the other node are lost, and the clients fill the gaps by seq.
 * Proves: neither node crashes while Redis is down; nothing acked is lost or
 * doubled and order holds; each side ends with exactly the stored thread;
 * live delivery across the nodes works again, both ways, once Redis is back;
 * and the agent, connected all along, is online again (its node registers its
 * sockets anew in the empty Redis).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresTestSchema, createPostgresTestSchema } from '../test-support/test-database.js';
import { adminFetch, bootVisitor, loginAgent } from '../test-support/test-server.js';
import { conversationProblems, groupByConversation, storedInSchema, writerProblems } from './support/invariants.js';
import { sleep, uniqueRedisPrefix, until, within } from './support/load.js';
import { killAllNodes, type NodeProcess, startNodeProcess } from './support/node-process.js';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import { ResilientAgent } from './support/resilient-agent.js';
import { ResilientVisitor } from './support/resilient-visitor.js';

const ROUNDS = 24;

let redis: PrivateRedis;
let schema: PostgresTestSchema;
let a: NodeProcess;
let b: NodeProcess;
let visitor: ResilientVisitor | undefined;
let agent: ResilientAgent | undefined;

beforeAll(async () => {
  redis = await startPrivateRedis();
  schema = await createPostgresTestSchema();
  const env = { DATABASE_URL: schema.url, REDIS_URL: redis.url, REDIS_PREFIX: uniqueRedisPrefix('redis-restart') };
  a = await startNodeProcess({ env });
  b = await startNodeProcess({ env });
}, 200_000);

afterAll(async () => {
  visitor?.close();
  agent?.close();
  await killAllNodes();
  // The private Redis goes with its keys; the machine's Redis was never touched.
  await redis?.stop();
  await schema?.drop();
});

/** Fails a wait at once when a node died: a crash is what this test looks for. */
function nodesAlive(): boolean {
  for (const node of [a, b]) if (node.exit) throw new Error(`node ${node.url} exited (${JSON.stringify(node.exit)}):\n${node.output()}`);
  return true;
}

/** Writes probes until one is pushed live to the other side (live delivery is back), bounded. */
async function liveAgain(send: (body: string) => void, pushed: () => readonly { body: string }[], label: string): Promise<void> {
  for (let i = 0; i < 15; i++) {
    const body = `${label} probe ${i}`;
    send(body);
    const seen = await until(() => nodesAlive() && pushed().some((m) => m.body === body), 2_000, body).then(() => true, () => false);
    if (seen) return;
  }
  throw new Error(`${label}: no live delivery across nodes after Redis came back`);
}

describe('Redis killed and restarted while a visitor (node A) and an agent (node B) talk', () => {
  it('loses nothing acked, doubles nothing, keeps order, and live delivery comes back', async () => {
    const boot = await bootVisitor(a.url);
    visitor = new ResilientVisitor({ urls: [a.url], token: boot.token, origin: a.url });
    visitor.start();
    agent = new ResilientAgent(b.url, (await loginAgent(b.url)).cookie);
    await until(() => Boolean(visitor?.connected && agent?.socket.connected), 10_000, 'both connected');

    visitor.write('hello from node A');
    await within(visitor.whenSent(), 10_000, 'the first message acked');
    const conversationId = visitor.conversationId ?? '';
    await agent.follow(conversationId);
    // Live across nodes before the outage (the baseline the end of the test comes back to).
    await until(() => agent?.pushed.some((m) => m.body === 'hello from node A') ?? false, 10_000, 'the first push to node B');

    for (let r = 0; r < ROUNDS; r++) {
      visitor.write(`visitor round ${r}`);
      agent.send(conversationId, `agent round ${r}`);
      // Redis is away for eight rounds (about two seconds): long enough for ioredis to give up on
      // the commands it queued (maxRetriesPerRequest), so those failures are exercised too.
      await sleep(250);
      if (r === 8) await redis.kill();
      if (r === 16) await redis.restart();
      nodesAlive();
    }
    await within(Promise.all([visitor.whenSent(), agent.whenSent()]), 30_000, 'every message acked');
    nodesAlive();

    // The agent never left: once Redis is back it is online again, seen from the other node
    // (node B registers its sockets again at its next heartbeat; Redis came back empty).
    const admin = await loginAgent(a.url);
    const presence = async () => (await adminFetch<{ presence: string }>(a.url, admin, 'GET', `/agents/${admin.agentId}`)).body.presence;
    await until(async () => (await presence()) === 'online', 30_000, 'the agent online again');
    await liveAgain((body) => visitor?.write(body), () => agent?.pushed ?? [], 'visitor → agent');
    await liveAgain((body) => agent?.send(conversationId, body), () => visitor?.pushed ?? [], 'agent → visitor');
    await within(Promise.all([visitor.whenSent(), agent.whenSent()]), 10_000, 'the probes acked');

    // Each side's view, after a last catch-up by seq, is exactly what is stored.
    await visitor.catchUp();
    await agent.catchUp(conversationId);
    const stored = groupByConversation(await storedInSchema(schema.schema));
    const thread = (stored.get(conversationId) ?? []).map((m) => `${m.seq}:${m.id}`);
    expect(conversationProblems(stored)).toEqual([]);
    expect(
      writerProblems(
        [
          { name: 'visitor', conversationId, written: visitor.written, acked: visitor.acked },
          { name: 'agent', conversationId, written: agent.written, acked: agent.acked },
        ],
        stored,
      ),
    ).toEqual([]);
    expect([...visitor.thread.values()].sort((x, y) => x.seq - y.seq).map((m) => `${m.seq}:${m.id}`)).toEqual(thread);
    expect(agent.thread(conversationId).map((m) => `${m.seq}:${m.id}`)).toEqual(thread);
    expect(thread.length).toBe(visitor.written.length + agent.written.length);
    expect([...visitor.refused, ...agent.refused]).toEqual([]);
    expect(nodesAlive()).toBe(true);
  }, 120_000);
});
