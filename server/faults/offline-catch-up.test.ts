/**
 * A visitor offline for 60 s while the agent keeps replying (DESIGN.md §3:
 * "after any reconnect … fetch what they missed by seq"). The real widget
 * ChatClient talks to the node through a proxy that goes dark: connections
 * stay open but nothing passes, as when a laptop sleeps. The node keeps
 * pushing replies into the dead connection until its ping timeout (45 s),
 * then stores them for nobody; the visitor also writes a message while dark.
 * After 60 s the network comes back: the visitor shows every reply exactly
 * once, in the order sent, its own message is delivered once, and its thread
 * is exactly the stored conversation.
 *
 * This one takes a minute on purpose: longer than the ping timeout, so the
 * server really drops the socket and recovery has to come from the client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message } from '../../protocol/index.js';
import { ChatClient, NEW_CONVERSATION } from '../../widget/state/chat-client.js';
import { type AgentSocket, bootVisitor, connectAgent, loginAgent, startTestServer, type TestServer } from '../test-support/test-server.js';
import { conversationProblems, groupByConversation, writerProblems } from './support/invariants.js';
import { sleep, until } from './support/load.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

const OFFLINE_MS = 60_000;
const REPLIES = 20;

let server: TestServer;
let proxy: TcpProxy;
let client: ChatClient | undefined;
let agent: AgentSocket | undefined;

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startTcpProxy(server.port);
});
afterAll(async () => {
  client?.close();
  agent?.close();
  await proxy?.close();
  await server?.stop();
});

describe('a visitor offline for 60 s while the agent replies', () => {
  it('shows every reply exactly once, in order, after it comes back', async () => {
    const boot = await bootVisitor(server.url);
    let conversationId = '';
    client = new ChatClient({
      apiBase: proxy.url,
      appId: 'demo',
      token: boot.token,
      ackTimeoutMs: 2_000,
      extraHeaders: { origin: server.url },
      onConversationStarted: (id) => (conversationId = id),
    });
    const visitorWrote: { clientId: string; body: string }[] = [];
    const write = (conversation: string, body: string) => visitorWrote.push({ clientId: (client as ChatClient).send(conversation, body), body });
    // Whether it noticed it was offline at all (its ping timeout), so the catch-up really ran.
    let wentOffline = false;
    client.subscribe((state) => {
      if (state.status === 'offline') wentOffline = true;
    });
    client.connect();
    await until(() => client?.state.status === 'online', 10_000, 'the visitor online');
    write(NEW_CONVERSATION, 'Hello, anyone there?');
    await until(() => conversationId !== '', 10_000, 'the conversation started');
    const thread = () => (client as ChatClient).state.threads[conversationId] ?? [];

    agent = await connectAgent(server.url, (await loginAgent(server.url)).cookie);
    const agentWrote: { clientId: string; body: string }[] = [];
    const acked = new Map<string, { id: string; seq: number }>();
    const reply = async (body: string) => {
      const clientId = `offline-reply-${agentWrote.length}-${Date.now()}`;
      agentWrote.push({ clientId, body });
      const ack = (await (agent as AgentSocket).timeout(10_000).emitWithAck('message:send', { conversationId, clientId, body })) as Ack<{ message: Message }>;
      if (!ack.ok) throw new Error(ack.error.message);
      acked.set(clientId, { id: ack.data.message.id, seq: ack.data.message.seq });
    };
    await reply('Hi! Looking into it.');
    await until(() => thread().some((i) => i.body === 'Hi! Looking into it.'), 5_000, 'the first reply live');

    // Dark: replies go into a connection the server still believes in, then into none.
    proxy.blackhole();
    const darkSince = Date.now();
    for (let i = 0; i < REPLIES; i++) {
      await reply(`reply ${i} while you were away`);
      if (i === REPLIES / 2) write(conversationId, 'written while offline');
      await sleep((OFFLINE_MS - 10_000) / REPLIES);
    }
    await sleep(Math.max(0, OFFLINE_MS - (Date.now() - darkSince)));
    proxy.resume();

    const everything = 2 + REPLIES + 1;
    await until(() => thread().length === everything && thread().every((i) => i.state === 'sent'), 60_000, 'the visitor caught up');

    expect(wentOffline).toBe(true);
    const stored = await server.domain.messages.since(conversationId, 0, 500);
    const byConversation = groupByConversation(stored);
    expect(conversationProblems(byConversation)).toEqual([]);
    expect(
      writerProblems(
        [
          { name: 'agent', conversationId, written: agentWrote, acked },
          { name: 'visitor', conversationId, written: visitorWrote, acked: new Map() },
        ],
        byConversation,
      ),
    ).toEqual([]);
    // Shown: each stored message once, by seq — every reply among them, in the order sent.
    expect(thread().map((i) => `${i.seq}:${i.key}`)).toEqual(stored.map((m) => `${m.seq}:${m.id}`));
    const shownReplies = thread().filter((i) => i.authorType === 'agent').map((i) => i.body);
    expect(shownReplies).toEqual(agentWrote.map((w) => w.body));
    expect(thread().filter((i) => i.body === 'written while offline')).toHaveLength(1);
  }, 150_000);
});
