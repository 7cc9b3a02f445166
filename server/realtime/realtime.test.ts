import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, ReadNotice, TypingNotice, VisitorConversation } from '../../protocol/index.js';
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

let server: TestServer;
let agent: AgentSocket;
let visitor: VisitorSocket;
let conversationId: string;

beforeAll(async () => {
  server = await startTestServer();
  const session = await loginAgent(server.url);
  agent = await connectAgent(server.url, session.cookie);
  visitor = await connectVisitor(server.url, (await bootVisitor(server.url)).token);
});
afterAll(async () => {
  agent.close();
  visitor.close();
  await server.stop();
});

describe('/visitor and /agent, live', () => {
  it('delivers a visitor message to the agent live, and the reply back to the visitor', async () => {
    const agentSees = nextEvent<Message>(agent, 'message:new');
    const started = await visitor.emitWithAck('conversation:start', { clientId: 'live-conv-0001', body: 'Hello, anyone there?' });
    if (!started.ok) throw new Error(started.error.message);
    conversationId = started.data.conversation.id;
    expect(started.data.message).toMatchObject({ seq: 1, authorType: 'visitor', body: 'Hello, anyone there?' });
    expect((await agentSees).id).toBe(started.data.message.id);

    const visitorSees = nextEvent<Message>(visitor, 'message:new');
    const unreadUpdate = nextEvent<VisitorConversation>(visitor, 'conversation:updated', 5_000, (c) => c.unread === 1);
    const reply = await agent.emitWithAck('message:send', { conversationId, clientId: 'live-reply-0001', body: 'Yes! How can I help?' });
    expect(reply).toMatchObject({ ok: true, data: { message: { seq: 2, authorType: 'agent', authorName: 'Admin' } } });
    expect((await visitorSees).body).toBe('Yes! How can I help?');
    expect((await unreadUpdate).unread).toBe(1);
  });

  it('stores a resent client id once and acks it with the same message', async () => {
    const a = await visitor.emitWithAck('message:send', { conversationId, clientId: 'live-dup-00001', body: 'once' });
    const b = await visitor.emitWithAck('message:send', { conversationId, clientId: 'live-dup-00001', body: 'once' });
    expect(a.ok && b.ok && a.data.message.id === b.data.message.id).toBe(true);
    const sync = await visitor.emitWithAck('messages:sync', { conversationId, afterSeq: 0 });
    if (!sync.ok) throw new Error('sync failed');
    expect(sync.data.messages.filter((m) => m.clientId === 'live-dup-00001')).toHaveLength(1);
    expect(sync.data.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('relays typing both ways and read receipts', async () => {
    const agentTyping = nextEvent<TypingNotice>(agent, 'typing');
    visitor.emit('typing', { conversationId, typing: true });
    expect(await agentTyping).toMatchObject({ conversationId, typing: true, author: 'visitor' });

    const visitorTyping = nextEvent<TypingNotice>(visitor, 'typing');
    agent.emit('typing', { conversationId, typing: true });
    expect(await visitorTyping).toMatchObject({ conversationId, typing: true, author: 'agent', name: 'Admin' });

    // The agent reads the visitor's seq 3; the visitor sees the receipt.
    const visitorRead = nextEvent<ReadNotice>(visitor, 'read');
    await agent.emitWithAck('read', { conversationId, seq: 3 });
    expect(await visitorRead).toEqual({ conversationId, seq: 3, by: 'agent' });

    // The agent writes seq 4; the visitor reads it (a too-high seq is clamped); the agent sees the receipt.
    await agent.emitWithAck('message:send', { conversationId, clientId: 'live-reply-0002', body: 'Still there?' });
    const agentRead = nextEvent<ReadNotice>(agent, 'read');
    const read = await visitor.emitWithAck('read', { conversationId, seq: 99 });
    expect(read).toEqual({ ok: true, data: { seq: 4 } });
    expect(await agentRead).toEqual({ conversationId, seq: 4, by: 'visitor' });
  });

  it("keeps a visitor out of another visitor's conversation (404, like a missing one)", async () => {
    const other = await connectVisitor(server.url, (await bootVisitor(server.url)).token);
    const send = await other.emitWithAck('message:send', { conversationId, clientId: 'intruder-0001', body: 'hi' });
    expect(send).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sync = await other.emitWithAck('messages:sync', { conversationId, afterSeq: 0 });
    expect(sync).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const missing = await other.emitWithAck('messages:sync', { conversationId: 'conv_nope', afterSeq: 0 });
    expect(missing).toEqual(sync);
    other.close();
  });

  it('acks malformed input with validation_failed and changes nothing', async () => {
    const bad = await visitor.emitWithAck('message:send', { conversationId, clientId: 'x', body: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const tooLong = await visitor.emitWithAck('message:send', { conversationId, clientId: 'toolong-0001', body: 'x'.repeat(10_001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const sync = await visitor.emitWithAck('messages:sync', { conversationId, afterSeq: 0 });
    expect(sync.ok && sync.data.lastSeq).toBe(4);
  });

  it('drops a socket that sends an oversize payload without harming the others', async () => {
    const victim = await connectVisitor(server.url, (await bootVisitor(server.url)).token);
    const gone = new Promise((r) => victim.once('disconnect', r));
    // Raw emit without an ack: the server closes the socket before any handler runs.
    (victim as unknown as { emit(ev: string, p: unknown): void }).emit('message:send', { conversationId, clientId: 'huge-000001', body: 'x'.repeat(1_000_000) });
    await gone;
    const ok = await visitor.emitWithAck('messages:sync', { conversationId, afterSeq: 3 });
    expect(ok).toMatchObject({ ok: true });
  });

  it('refuses bad tokens, foreign origins and agent sockets without a session', async () => {
    await expect(connectVisitor(server.url, 'not-a-token')).rejects.toThrow();
    const { token } = await bootVisitor(server.url);
    await expect(connectVisitor(server.url, token, 'https://evil.example')).rejects.toThrow();
    await expect(connectAgent(server.url, 'parley_session=forged')).rejects.toThrow();
    const session = await loginAgent(server.url);
    await expect(connectAgent(server.url, session.cookie, 'https://evil.example')).rejects.toThrow();
    // No appId in the query: only same-origin handshakes pass the gate.
    const raw = io(`${server.url}/visitor`, { auth: { token }, transports: ['websocket'], extraHeaders: { origin: 'https://evil.example' }, reconnection: false, forceNew: true });
    await expect(new Promise<void>((resolve, reject) => { raw.once('connect', () => resolve()); raw.once('connect_error', reject); })).rejects.toThrow();
    raw.close();
  });
});
