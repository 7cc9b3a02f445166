/**
 * DESIGN.md §3 when the database drops connections: while 40 visitors send,
 * every Postgres connection of the node is terminated (pg_terminate_backend,
 * as a failover, a restart or an admin would) three times over. Sends caught
 * mid-transaction get an error ack and are resent by the client with the same
 * client id; the node itself must not crash (a broken pg client emits 'error',
 * which kills the process unless someone listens) and its pool must open new
 * connections. In the end: nothing acked lost, nothing twice, order kept, and
 * the node still serves new visitors.
 *
 * The node is a child process, so a crash shows as its exit, not as a dead
 * test worker. Its connections are found by their application_name.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresTestSchema, createPostgresTestSchema } from '../test-support/test-database.js';
import { conversationProblems, groupByConversation, storedInSchema, writerProblems } from './support/invariants.js';
import { bootFrom, mapLimited, testAddress, until, within } from './support/load.js';
import { killAllNodes, type NodeProcess, startNodeProcess } from './support/node-process.js';
import { ResilientVisitor } from './support/resilient-visitor.js';

const CLIENTS = 40;
const MESSAGES_EACH = 8;
const appName = `parley-fault-pg-${randomBytes(4).toString('hex')}`;

let schema: PostgresTestSchema;
let node: NodeProcess;
const visitors: ResilientVisitor[] = [];

beforeAll(async () => {
  schema = await createPostgresTestSchema();
  node = await startNodeProcess({ env: { DATABASE_URL: `${schema.url}&application_name=${appName}` } });
}, 200_000);

afterAll(async () => {
  visitors.forEach((v) => v.close());
  await killAllNodes();
  await schema?.drop();
});

/** Runs one query on the server's database as an outsider (the test, not the node). */
async function asAdmin<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: schema.url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const terminateNodeConnections = async () =>
  (await asAdmin<{ ended: boolean }>('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1', [appName])).filter((r) => r.ended).length;

/** Fails the wait at once when the node died (a crash is the bug this test looks for). */
function alive(): boolean {
  if (node.exit) throw new Error(`the node exited (${JSON.stringify(node.exit)}):\n${node.output()}`);
  return true;
}

const nodeConnections = async () => Number((await asAdmin<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [appName]))[0]?.n ?? 0);

describe('Postgres connections terminated while visitors send', () => {
  it('keeps every acked message once and in order, retries the failed sends, and the node keeps serving', async () => {
    const boots = await mapLimited(Array.from({ length: CLIENTS }, (_, i) => i), 10, (i) => bootFrom(node.url, testAddress(i + 1)));
    for (const boot of boots) visitors.push(new ResilientVisitor({ urls: [node.url], token: boot.token, origin: node.url, ackTimeoutMs: 3_000 }));
    visitors.forEach((v) => v.start());
    await until(() => visitors.every((v) => v.connected), 20_000, 'every visitor connected');

    for (let k = 0; k < MESSAGES_EACH; k++) visitors.forEach((v, i) => v.write(`visitor ${i} message ${k}`));
    const total = CLIENTS * MESSAGES_EACH;
    const ackedNow = () => visitors.reduce((n, v) => n + v.acked.size, 0);
    let terminated = 0;
    for (const share of [0.15, 0.4, 0.65]) {
      await until(() => alive() && ackedNow() >= total * share, 30_000, `${share * 100}% acked`);
      terminated += await terminateNodeConnections();
    }
    // The node had connections to lose (else this test proved nothing).
    expect(terminated).toBeGreaterThan(0);

    await within(Promise.all(visitors.map((v) => v.whenSent())), 60_000, 'every message acked after the terminations');
    // Sends caught by a termination were answered with an error (and resent), not left hanging.
    expect(visitors.reduce((n, v) => n + (v.errorAcks.get('internal') ?? 0), 0)).toBeGreaterThan(0);
    expect(node.exit, node.output()).toBeNull();
    expect(visitors.flatMap((v) => v.refused)).toEqual([]);

    const stored = groupByConversation(await storedInSchema(schema.schema));
    const writers = visitors.map((v, i) => ({ name: `visitor ${i}`, conversationId: v.conversationId, written: v.written, acked: v.acked }));
    expect(conversationProblems(stored)).toEqual([]);
    expect(writerProblems(writers, stored)).toEqual([]);
    expect([...stored.values()].reduce((n, list) => n + list.length, 0)).toBe(total);

    // Serving afterwards: a new visitor boots (HTTP) and chats (socket) on fresh pool connections.
    const late = new ResilientVisitor({ urls: [node.url], token: (await bootFrom(node.url, testAddress(9_999))).token, origin: node.url });
    visitors.push(late);
    late.start();
    late.write('after the storm');
    late.write('still here');
    await within(late.whenSent(), 15_000, 'the late visitor acked');
    expect([...late.thread.values()].map((m) => m.body)).toEqual(['after the storm', 'still here']);
    expect(await fetch(`${node.url}/health`).then((r) => r.json())).toMatchObject({ ok: true });
    expect(await nodeConnections()).toBeGreaterThan(0);
    expect(node.exit, node.output()).toBeNull();
  }, 120_000);
});
