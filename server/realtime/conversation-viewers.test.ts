/**
 * The collision hint over real /agent sockets: who is viewing a conversation
 * (each agent once, across tabs), updated on leave and on disconnect, plus
 * agents seeing each other type; nothing crosses workspaces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationViewers, TypingNotice } from '../../protocol/index.js';
import { addAgent, otherWorkspace, type Session, startConversation, type StartedConversation } from '../test-support/inbox-fixtures.js';
import { type AgentSocket, connectAgent, loginAgent, nextEvent, startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let admin: Session;
let grace: Session;
let visitor: StartedConversation;
const opened: AgentSocket[] = [];

const connect = async (s: Session) => {
  const socket = await connectAgent(server.url, s.cookie);
  opened.push(socket);
  return socket;
};
const names = (v: ConversationViewers) => v.agents.map((a) => a.name);
const viewersOf = (socket: AgentSocket, conversationId: string, expected: string[]) =>
  nextEvent<ConversationViewers>(socket, 'viewers', 5_000, (v) => v.conversationId === conversationId && names(v).join() === expected.join());

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
  grace = await addAgent(server, { name: 'Grace Hopper', email: 'grace-viewers@test.local' });
  visitor = await startConversation(server, 'Is anyone there?');
});
afterAll(async () => {
  opened.forEach((s) => s.close());
  visitor.socket.close();
  await server.stop();
});

describe('conversation viewers', () => {
  it('tells the workspace who is viewing, each agent once however many tabs, until they leave or disconnect', async () => {
    const id = visitor.conversationId;
    const [tab1, tab2, graceTab] = await Promise.all([connect(admin), connect(admin), connect(grace)]);

    const graceSees = viewersOf(graceTab, id, ['Admin']);
    const ack = await tab1.emitWithAck('conversation:view', { conversationId: id, viewing: true });
    expect(ack).toEqual({ ok: true, data: { conversationId: id, agents: [{ id: admin.agentId, name: 'Admin' }] } });
    expect((await graceSees).agents).toEqual([{ id: admin.agentId, name: 'Admin' }]);

    const bothSeen = viewersOf(tab1, id, ['Admin', 'Grace Hopper']);
    await graceTab.emitWithAck('conversation:view', { conversationId: id, viewing: true });
    await bothSeen;

    // A second tab of the same agent adds no one; closing one of two tabs removes no one.
    expect(names(await ackData(tab2.emitWithAck('conversation:view', { conversationId: id, viewing: true })))).toEqual(['Admin', 'Grace Hopper']);
    expect(names(await ackData(tab1.emitWithAck('conversation:view', { conversationId: id, viewing: false })))).toEqual(['Admin', 'Grace Hopper']);

    // The last admin tab goes away without saying so: the disconnect updates the list.
    const adminGone = viewersOf(graceTab, id, ['Grace Hopper']);
    tab2.close();
    await adminGone;

    expect(await ackData(graceTab.emitWithAck('conversation:view', { conversationId: id, viewing: false }))).toEqual({ conversationId: id, agents: [] });
  });

  it('shows agents typing to each other (and to the visitor)', async () => {
    const [adminTab, graceTab] = await Promise.all([connect(admin), connect(grace)]);
    const graceSees = nextEvent<TypingNotice>(graceTab, 'typing', 5_000, (t) => t.author === 'agent');
    const visitorSees = nextEvent<TypingNotice>(visitor.socket, 'typing');
    adminTab.emit('typing', { conversationId: visitor.conversationId, typing: true });
    expect(await graceSees).toEqual({ conversationId: visitor.conversationId, typing: true, author: 'agent', name: 'Admin' });
    expect(await visitorSees).toMatchObject({ author: 'agent', typing: true });
  });

  it('refuses malformed input and conversations of other workspaces, and tells them nothing', async () => {
    const tab = await connect(admin);
    expect(await tab.emitWithAck('conversation:view', { conversationId: visitor.conversationId } as never)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await tab.emitWithAck('conversation:view', { conversationId: 'conv_missing', viewing: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const { session } = await otherWorkspace(server);
    const outsider = await connect(session);
    const heard: string[] = [];
    outsider.onAny((event: string) => heard.push(event));
    expect(await outsider.emitWithAck('conversation:view', { conversationId: visitor.conversationId, viewing: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await tab.emitWithAck('conversation:view', { conversationId: visitor.conversationId, viewing: true });
    // An ack after the broadcast: anything sent to the outsider before it has arrived by then.
    await outsider.emitWithAck('conversation:view', { conversationId: 'conv_missing', viewing: false });
    // (Its own workspace's events, such as presence, may come: none about ours.)
    expect(heard.filter((e) => e === 'viewers' || e === 'typing')).toEqual([]);
  });
});

async function ackData<T>(ack: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await ack;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}
