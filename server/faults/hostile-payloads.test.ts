/**
 * Oversize and malformed socket input hurts only the socket that sent it. On
 * one node, a visitor and an agent (the bystanders) keep talking while other
 * sockets send: a 1 MB message body, a 1 MB raw WebSocket frame, frames that
 * are not JSON, payloads of the wrong type or with fields missing, and
 * prototype-pollution keys (`__proto__`, `constructor.prototype`) in events
 * and in the handshake. Proves each is refused (a validation error ack, or
 * that socket closed), nothing of it is stored, Object.prototype stays clean
 * (the node runs in this process), and after every attack the bystanders
 * still send and receive live, with their conversation gap-free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message } from '../../protocol/index.js';
import {
  type AgentSocket,
  bootVisitor,
  connectAgent,
  connectVisitor,
  loginAgent,
  nextEvent,
  startTestServer,
  type TestServer,
  type VisitorSocket,
} from '../test-support/test-server.js';
import { conversationProblems, groupByConversation } from './support/invariants.js';
import { openRawSocket, type RawSocket } from './support/raw-socket.js';

let server: TestServer;
const closeables: ({ close(): unknown } | RawSocket)[] = [];
let visitor: VisitorSocket;
let agent: AgentSocket;
let conversationId: string;
let exchanged = 0;

beforeAll(async () => {
  server = await startTestServer();
  visitor = await connectVisitor(server.url, (await bootVisitor(server.url)).token);
  agent = await connectAgent(server.url, (await loginAgent(server.url)).cookie);
  closeables.push(visitor, agent);
  const started = await visitor.emitWithAck('conversation:start', { clientId: 'bystander-start', body: 'Bystander here' });
  if (!started.ok) throw new Error(started.error.message);
  conversationId = started.data.conversation.id;
});
afterAll(async () => {
  closeables.forEach((c) => ('destroy' in c ? c.destroy() : c.close()));
  await server?.stop();
});

/** The bystanders still talk, live, both ways. */
async function bystandersStillTalk(): Promise<void> {
  exchanged += 1;
  const toAgent = `visitor line ${exchanged}`;
  const agentSees = nextEvent<Message>(agent, 'message:new', 5_000, (m) => m.body === toAgent);
  const sent = await visitor.timeout(5_000).emitWithAck('message:send', { conversationId, clientId: `bystander-v-${exchanged}`, body: toAgent });
  expect(sent.ok).toBe(true);
  await agentSees;
  const toVisitor = `agent line ${exchanged}`;
  const visitorSees = nextEvent<Message>(visitor, 'message:new', 5_000, (m) => m.body === toVisitor);
  const replied = await agent.timeout(5_000).emitWithAck('message:send', { conversationId, clientId: `bystander-a-${exchanged}`, body: toVisitor });
  expect(replied.ok).toBe(true);
  await visitorSees;
}

async function attackerSocket(): Promise<VisitorSocket> {
  const socket = await connectVisitor(server.url, (await bootVisitor(server.url)).token);
  closeables.push(socket);
  return socket;
}

/** A raw visitor connection, joined to /visitor (token in the CONNECT packet, as the client library sends it). */
async function rawVisitor(auth?: string): Promise<RawSocket> {
  const raw = await openRawSocket({ port: server.port, origin: server.url, query: 'appId=demo' });
  closeables.push(raw);
  raw.sendText(`40/visitor,${auth ?? JSON.stringify({ token: (await bootVisitor(server.url)).token })}`);
  await raw.waitFor('40/visitor,{"sid"');
  return raw;
}

const closedWithin = (raw: RawSocket, ms = 5_000) =>
  Promise.race([raw.closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('oversize and malformed socket payloads', () => {
  it('closes the socket that sends a 1 MB message body, and stores nothing of it', async () => {
    const attacker = await attackerSocket();
    const started = await attacker.emitWithAck('conversation:start', { clientId: 'huge-start-0001', body: 'about to send a lot' });
    if (!started.ok) throw new Error(started.error.message);
    const gone = new Promise<string>((resolve) => attacker.once('disconnect', (reason: string) => resolve(reason)));
    // Never answered: the frame is over the limit, so the connection closes before it is read.
    const own = started.data.conversation.id;
    attacker.emit('message:send', { conversationId: own, clientId: 'huge-body-0001', body: 'x'.repeat(1_000_000) }, () => {});
    expect(await gone).toMatch(/transport (close|error)/);
    expect((await server.domain.messages.since(own, 0, 10)).map((m) => m.clientId)).toEqual(['huge-start-0001']);
    await bystandersStillTalk();
  });

  it('closes the socket that sends a 1 MB raw frame', async () => {
    const raw = await rawVisitor();
    raw.sendBytes(Buffer.alloc(1_000_000, 0x61));
    expect(await closedWithin(raw)).toBe(true);
    await bystandersStillTalk();
  });

  it('closes the socket that sends frames that are not JSON', async () => {
    for (const frame of ['42/visitor,["message:send",{', '42/visitor,not json at all', '42/visitor,{"a":1}', '4\u0000\u00ff', '9']) {
      const raw = await rawVisitor();
      raw.sendText(frame);
      expect(await closedWithin(raw), JSON.stringify(frame)).toBe(true);
    }
    await bystandersStillTalk();
  });

  it('answers wrong types and missing fields with validation errors, and the socket goes on working', async () => {
    const attacker = await attackerSocket();
    const { conversation } = await (async () => {
      const started = await attacker.emitWithAck('conversation:start', { clientId: 'typed-start-001', body: 'mine' });
      if (!started.ok) throw new Error(started.error.message);
      return started.data;
    })();
    const loose = attacker as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<Ack<unknown>> }; emit(event: string, ...args: unknown[]): void };
    const bad: [string, unknown][] = [
      ['message:send', 'a string'],
      ['message:send', 42],
      ['message:send', null],
      ['message:send', []],
      ['message:send', {}],
      ['message:send', { conversationId: conversation.id }],
      ['message:send', { conversationId: 5, clientId: true, body: {} }],
      ['message:send', { conversationId: conversation.id, clientId: 'short', body: 'x' }],
      ['message:send', { conversationId: conversation.id, clientId: 'typed-too-long', body: 'x'.repeat(10_001) }],
      ['message:send', { conversationId: conversation.id, clientId: 'typed-attachments', body: 'x', attachmentIds: 'att_1' }],
      ['conversation:start', { clientId: ['typed-array-01'], body: 'x' }],
      ['messages:sync', { conversationId: conversation.id, afterSeq: -1 }],
      ['messages:sync', { conversationId: conversation.id, afterSeq: 'zero', limit: 1e9 }],
      ['read', { conversationId: conversation.id, seq: Number.MAX_SAFE_INTEGER + 10 }],
    ];
    for (const [event, payload] of bad) {
      const ack = await loose.timeout(5_000).emitWithAck(event, payload);
      expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    // No ack callback at all, an unknown event, extra arguments: ignored, nothing thrown.
    loose.emit('message:send', { conversationId: conversation.id });
    loose.emit('no:such:event', { anything: true });
    loose.emit('message:send', { conversationId: conversation.id, clientId: 'typed-extra-args', body: 'ok' }, 'extra', 3, () => {});
    // Still connected and served.
    const fine = await loose.timeout(5_000).emitWithAck('message:send', { conversationId: conversation.id, clientId: 'typed-fine-0001', body: 'still here' });
    expect(fine.ok).toBe(true);
    const stored = await server.domain.messages.since(conversation.id, 0, 100);
    expect(stored.map((m) => m.body).filter((b) => b !== 'mine' && b !== 'ok')).toEqual(['still here']);
    await bystandersStillTalk();
  });

  it('ignores prototype-pollution keys in events and in the handshake', async () => {
    const polluted = () => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || ({} as Record<string, unknown>).polluted !== undefined;
    const token = (await bootVisitor(server.url)).token;
    // In the CONNECT packet's auth.
    const raw = await rawVisitor(`{"token":${JSON.stringify(token)},"__proto__":{"polluted":"auth"},"constructor":{"prototype":{"polluted":"auth"}}}`);
    // In a start and a send, with acks: `42/visitor,<id>[…]` is answered by `43/visitor,<id>[…]`.
    raw.sendText(`42/visitor,1["conversation:start",{"clientId":"proto-start-01","body":"hi","__proto__":{"polluted":"start"}}]`);
    await raw.waitFor('43/visitor,1[{"ok":true');
    const started = await server.domain.conversations.listForContact(await contactOf(token));
    const ownConversation = started[0]?.id ?? '';
    raw.sendText(
      `42/visitor,2["message:send",{"conversationId":${JSON.stringify(ownConversation)},"clientId":"proto-send-01","body":"there","__proto__":{"polluted":"send","body":"replaced"},"constructor":{"prototype":{"polluted":"send"}}}]`,
    );
    await raw.waitFor('43/visitor,2[{"ok":true');
    raw.sendText(`42/visitor,3["messages:sync",{"__proto__":{"conversationId":${JSON.stringify(ownConversation)},"afterSeq":0}}]`);
    await raw.waitFor('43/visitor,3[{"ok":false');

    expect(polluted()).toBe(false);
    const stored = await server.domain.messages.since(ownConversation, 0, 10);
    expect(stored.map((m) => [m.clientId, m.body])).toEqual([
      ['proto-start-01', 'hi'],
      ['proto-send-01', 'there'],
    ]);
    expect(Object.keys(stored[1]).includes('polluted')).toBe(false);
    await bystandersStillTalk();
  });

  it('leaves the bystanders’ conversation whole: seqs 1..n, each message once', async () => {
    const stored = groupByConversation(await server.domain.messages.since(conversationId, 0, 500));
    expect(conversationProblems(stored)).toEqual([]);
    expect(stored.get(conversationId)).toHaveLength(1 + 2 * exchanged);
  });
});

async function contactOf(token: string) {
  const claims = await server.domain.visitorTokens.verify(token);
  return server.domain.contacts.get(claims.workspaceId, claims.contactId);
}
