/**
 * Two nodes on one database and one Redis (REDIS_URL): a visitor on node A and
 * an agent on node B talk live both ways, and what several nodes must share
 * (presence, the collision hint, rate limits, job leases) is shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationViewers, Message } from '../../protocol/index.js';
import { createAgent, presenceOf } from '../test-support/team-fixtures.js';
import {
  adminFetch,
  type AgentSocket,
  bootVisitor,
  connectAgent,
  connectVisitor,
  loginAgent,
  nextEvent,
  startTestServer,
  TEST_REDIS_URL,
  type TestNode,
  type TestServer,
  type VisitorSocket,
} from '../test-support/test-server.js';
import { acquireLease } from './job-lease.js';

let a: TestServer;
let b: TestNode;
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  a = await startTestServer({ REDIS_URL: TEST_REDIS_URL });
  b = await a.peer();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await a.stop();
});

async function visitorOn(url: string): Promise<VisitorSocket> {
  const socket = await connectVisitor(url, (await bootVisitor(url)).token);
  sockets.push(socket);
  return socket;
}

async function agentOn(url: string): Promise<{ socket: AgentSocket; session: Awaited<ReturnType<typeof loginAgent>> }> {
  const session = await loginAgent(url);
  const socket = await connectAgent(url, session.cookie);
  sockets.push(socket);
  return { socket, session };
}

describe('two nodes with Redis', () => {
  it('runs both in redis mode, each with its own node id', () => {
    expect(a.scale.mode).toBe('redis');
    expect(b.scale.mode).toBe('redis');
    expect(a.scale.nodeId).not.toBe(b.scale.nodeId);
  });

  it('delivers live both ways: visitor on node A, agent on node B', async () => {
    const agent = await agentOn(b.url);
    const visitor = await visitorOn(a.url);

    const agentSees = nextEvent<Message>(agent.socket, 'message:new');
    const started = await visitor.emitWithAck('conversation:start', { clientId: 'two-node-start-1', body: 'Hello from node A' });
    if (!started.ok) throw new Error(started.error.message);
    expect((await agentSees).body).toBe('Hello from node A');

    const visitorSees = nextEvent<Message>(visitor, 'message:new');
    const reply = await agent.socket.emitWithAck('message:send', { conversationId: started.data.conversation.id, clientId: 'two-node-reply-1', body: 'Hi from node B' });
    expect(reply.ok).toBe(true);
    const seen = await visitorSees;
    expect(seen).toMatchObject({ body: 'Hi from node B', seq: 2, authorType: 'agent' });
  });

  it('shares presence: an agent connected to B is online when A is asked, and offline when the socket goes', async () => {
    const watcher = await agentOn(a.url);
    const other = await createAgent(a, { name: 'Bea' });
    const online = presenceOf(watcher.socket, other.id, 'online');
    const otherSocket = await connectAgent(b.url, other.cookie);
    await online;
    const presence = async () => (await adminFetch<{ presence: string }>(a.url, watcher.session, 'GET', `/agents/${other.id}`)).body.presence;
    expect(await presence()).toBe('online');

    const offline = presenceOf(watcher.socket, other.id, 'offline');
    otherSocket.close();
    await offline;
    expect(await presence()).toBe('offline');
  });

  it('shows two agents on two nodes viewing one conversation to each other', async () => {
    const visitor = await visitorOn(a.url);
    const started = await visitor.emitWithAck('conversation:start', { clientId: 'two-node-view-1', body: 'Who is looking?' });
    if (!started.ok) throw new Error(started.error.message);
    const conversationId = started.data.conversation.id;
    const admin = await agentOn(a.url);
    const second = await createAgent(a, { name: 'Viewer Two' });
    const secondSocket = await connectAgent(b.url, second.cookie);
    sockets.push(secondSocket);

    await admin.socket.emitWithAck('conversation:view', { conversationId, viewing: true });
    const both = nextEvent<ConversationViewers>(admin.socket, 'viewers', 5_000, (v) => v.conversationId === conversationId && v.agents.length === 2);
    const ack = await secondSocket.emitWithAck('conversation:view', { conversationId, viewing: true });
    expect(ack.ok && ack.data.agents.map((x: { name: string }) => x.name).sort()).toEqual(['Admin', 'Viewer Two']);
    expect((await both).agents).toHaveLength(2);
  });

  it('counts one login budget across both nodes (rate limits live in Redis)', async () => {
    const attempt = (url: string) =>
      fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: url, 'X-Forwarded-For': '203.0.113.9' },
        body: JSON.stringify({ email: 'nobody@test.local', password: 'wrong password here' }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    // The earlier tests logged in a few times from 127.0.0.1 too; ten more alternate nodes.
    for (let i = 0; i < 12; i++) statuses.push(await attempt(i % 2 === 0 ? a.url : b.url));
    expect(statuses).toContain(429);
    // A node keeping its own count would have allowed 10 on each.
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(10);
  });

  it('gives a job lease to one node at a time, and to the other once it expires', async () => {
    const now = new Date();
    expect(await acquireLease(a.domain.db, 'two-node-job', a.scale.nodeId, 1_000, now)).toBe(true);
    expect(await acquireLease(b.domain.db, 'two-node-job', b.scale.nodeId, 1_000, now)).toBe(false);
    // The holder renews.
    expect(await acquireLease(a.domain.db, 'two-node-job', a.scale.nodeId, 1_000, now)).toBe(true);
    const later = new Date(now.getTime() + 1_001);
    expect(await acquireLease(b.domain.db, 'two-node-job', b.scale.nodeId, 1_000, later)).toBe(true);
    expect(await acquireLease(a.domain.db, 'two-node-job', a.scale.nodeId, 1_000, later)).toBe(false);
  });
});
