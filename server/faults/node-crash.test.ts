/**
 * DESIGN.md §3 across a node crash (scale-out): two node processes share one
 * Postgres schema and one Redis; 200 visitors spread over both send 5 messages
 * each; node A is killed with SIGKILL while they send. A's visitors fail over
 * to node B and resend what was not acked. In the end every conversation has
 * seqs 1..n, each client id once, each visitor's messages in the order written,
 * and every ack names what is stored — and each visitor's own view (live
 * pushes plus catch-up by seq) is exactly what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresTestSchema, createPostgresTestSchema } from '../test-support/test-database.js';
import { dropRedisKeys, TEST_REDIS_URL } from '../test-support/test-server.js';
import { conversationProblems, groupByConversation, storedInSchema, writerProblems } from './support/invariants.js';
import { bootFrom, mapLimited, testAddress, uniqueRedisPrefix, until, within } from './support/load.js';
import { killAllNodes, type NodeProcess, startNodeProcess } from './support/node-process.js';
import { ResilientVisitor } from './support/resilient-visitor.js';

const CLIENTS = 200;
const MESSAGES_EACH = 5;

let schema: PostgresTestSchema;
const prefix = uniqueRedisPrefix('crash');
let a: NodeProcess;
let b: NodeProcess;
const visitors: ResilientVisitor[] = [];

beforeAll(async () => {
  schema = await createPostgresTestSchema();
  const env = { DATABASE_URL: schema.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
  // One after the other: the first migrates and seeds the empty schema.
  a = await startNodeProcess({ env });
  b = await startNodeProcess({ env });
}, 200_000);

afterAll(async () => {
  visitors.forEach((v) => v.close());
  await killAllNodes();
  await schema?.drop();
  await dropRedisKeys(TEST_REDIS_URL, prefix);
});

describe('a node killed (SIGKILL) while 200 visitors send', () => {
  it('loses no acked message, duplicates none and keeps each conversation in order', async () => {
    // Half the visitors start on A, half on B; each knows both nodes and fails over.
    const boots = await mapLimited(Array.from({ length: CLIENTS }, (_, i) => i), 20, (i) => bootFrom(i % 2 === 0 ? a.url : b.url, testAddress(i + 1)));
    boots.forEach((boot, i) => {
      visitors.push(new ResilientVisitor({ urls: [a.url, b.url], firstUrl: i % 2, token: boot.token, origin: a.url, ackTimeoutMs: 3_000 }));
    });
    visitors.forEach((v) => v.start());
    await until(() => visitors.every((v) => v.connected), 30_000, 'every visitor connected');

    for (let k = 0; k < MESSAGES_EACH; k++) visitors.forEach((v, i) => v.write(`visitor ${i} message ${k}`));
    const total = CLIENTS * MESSAGES_EACH;
    const ackedNow = () => visitors.reduce((n, v) => n + v.acked.size, 0);
    // Mid-load: a fifth acked, the rest written and in flight or waiting.
    await until(() => ackedNow() >= total / 5, 30_000, 'a fifth of the messages acked');
    await a.kill('SIGKILL');
    const ackedBeforeKill = ackedNow();

    await within(Promise.all(visitors.map((v) => v.whenSent())), 60_000, 'every message acked after the failover');
    // A last catch-up on B: each visitor's view must now be complete.
    await Promise.all(visitors.map((v) => v.catchUp()));

    expect(b.exit, b.output()).toBeNull();
    expect(ackedBeforeKill).toBeLessThan(total);
    const movedOver = visitors.filter((v, i) => i % 2 === 0 && v.reconnects > 0);
    expect(movedOver.length).toBeGreaterThan(0);
    expect(visitors.flatMap((v) => v.refused)).toEqual([]);

    const stored = groupByConversation(await storedInSchema(schema.schema));
    const writers = visitors.map((v, i) => ({ name: `visitor ${i}`, conversationId: v.conversationId, written: v.written, acked: v.acked }));
    expect(conversationProblems(stored)).toEqual([]);
    expect(writerProblems(writers, stored)).toEqual([]);
    expect(stored.size).toBe(CLIENTS);
    expect([...stored.values()].reduce((n, list) => n + list.length, 0)).toBe(total);

    // What each visitor holds is exactly what is stored: each message once, by seq.
    const viewProblems = visitors.flatMap((v, i) => {
      const have = [...v.thread.values()].sort((x, y) => x.seq - y.seq).map((m) => `${m.seq}:${m.id}`);
      const want = (stored.get(v.conversationId ?? '') ?? []).map((m) => `${m.seq}:${m.id}`);
      return JSON.stringify(have) === JSON.stringify(want) ? [] : [`visitor ${i}: has ${have.join(' ')}, stored ${want.join(' ')}`];
    });
    expect(viewProblems).toEqual([]);
  }, 120_000);
});
