/**
 * Internal notes through the real server and real sockets: written and
 * listed over REST, pushed to agents (`note:new`) and to mentioned agents
 * (`mention`), and never seen by the visitor — not live, not in catch-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationNote, ErrorResponse, MentionNotice, Message, Page } from '../../../protocol/index.js';
import { addAgent, otherWorkspace, type Session, startConversation, type StartedConversation } from '../../test-support/inbox-fixtures.js';
import {
  adminFetch,
  type AgentSocket,
  connectAgent,
  loginAgent,
  nextEvent,
  startTestServer,
  type TestServer,
} from '../../test-support/test-server.js';

const API_TOKEN = 'pk_test_notes_token';
let server: TestServer;
let admin: Session;
let grace: Session;
let adminSocket: AgentSocket;
let graceSocket: AgentSocket;
let linusSocket: AgentSocket;
let visitor: StartedConversation;

const api = <T>(method: string, path: string, body?: unknown, as: Session = admin) => adminFetch<T>(server.url, as, method, path, body);
const addNote = (body: unknown, as: Session = admin, id = visitor.conversationId) => api<ConversationNote & ErrorResponse>('POST', `/conversations/${id}/notes`, body, as);

beforeAll(async () => {
  server = await startTestServer({ BOOTSTRAP_TOKEN: API_TOKEN });
  admin = await loginAgent(server.url);
  grace = await addAgent(server, { name: 'Grace Hopper', email: 'grace@test.local' });
  const linus = await addAgent(server, { name: 'Linus', email: 'linus@test.local' });
  [adminSocket, graceSocket, linusSocket] = await Promise.all([admin, grace, linus].map((s) => connectAgent(server.url, s.cookie)));
  visitor = await startConversation(server, 'My invoice is wrong');
});
afterAll(async () => {
  [adminSocket, graceSocket, linusSocket, visitor.socket].forEach((s) => s.close());
  await server.stop();
});

describe('internal notes', () => {
  it('stores a note with its mentions resolved, and pushes it to agents and to the mentioned one', async () => {
    const toAll = nextEvent<ConversationNote>(linusSocket, 'note:new');
    const toGrace = nextEvent<MentionNotice>(graceSocket, 'mention');
    const res = await addNote({ body: '@Grace Hopper can you check the invoice? (not @nobody)' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^note_/),
      conversationId: visitor.conversationId,
      authorId: admin.agentId,
      authorName: 'Admin',
      body: '@Grace Hopper can you check the invoice? (not @nobody)',
      mentions: [grace.agentId],
      createdAt: expect.any(String),
    });
    expect(await toAll).toEqual(res.body);
    expect(await toGrace).toEqual({ note: res.body });
  });

  it('sends `mention` only to the mentioned agent', async () => {
    const linusMentions: MentionNotice[] = [];
    linusSocket.on('mention', (m) => linusMentions.push(m));
    const toGrace = nextEvent<MentionNotice>(graceSocket, 'mention');
    const note = (await addNote({ body: 'cc @grace@test.local' })).body;
    expect((await toGrace).note.id).toBe(note.id);
    // Events reach one socket in order: once Linus has the next note, any mention of the first has arrived.
    const nextNote = nextEvent<ConversationNote>(linusSocket, 'note:new', 5_000, (n) => n.body === 'a later note');
    await addNote({ body: 'a later note' });
    await nextNote;
    expect(linusMentions).toEqual([]);
    linusSocket.off('mention');
  });

  it('never reaches the visitor: nothing live, nothing in catch-up, no seq taken', async () => {
    const before = await visitor.socket.emitWithAck('messages:sync', { conversationId: visitor.conversationId, afterSeq: 0 });
    if (!before.ok) throw new Error('sync failed');
    const seen: string[] = [];
    visitor.socket.onAny((event: string, ...args: unknown[]) => seen.push(`${event} ${JSON.stringify(args)}`));

    await addNote({ body: 'Internal: this customer is on the legacy plan' });
    // A message after the note: when the visitor has it, anything sent before it has arrived too.
    const reply = nextEvent<Message>(visitor.socket, 'message:new');
    await api('POST', `/conversations/${visitor.conversationId}/messages`, { body: 'Looking into it!' });
    const message = await reply;
    visitor.socket.offAny();

    expect(seen.filter((e) => e.startsWith('note:new') || e.startsWith('mention') || e.includes('legacy plan'))).toEqual([]);
    expect(seen.some((e) => e.startsWith('message:new'))).toBe(true);
    // The reply took the next seq: the note took none.
    expect(message.seq).toBe(before.data.lastSeq + 1);
    const after = await visitor.socket.emitWithAck('messages:sync', { conversationId: visitor.conversationId, afterSeq: 0 });
    if (!after.ok) throw new Error('sync failed');
    expect(after.data.messages.map((m) => m.seq)).toEqual(after.data.messages.map((_, i) => i + 1));
    expect(after.data.messages.map((m) => m.body)).toEqual([...before.data.messages.map((m) => m.body), 'Looking into it!']);
    expect(JSON.stringify(after.data)).not.toContain('legacy plan');
    const list = await visitor.socket.emitWithAck('conversations:list', {});
    expect(JSON.stringify(list)).not.toContain('legacy plan');
    // Nor is it a message on the agent side.
    const messages = await api<Page<Message>>('GET', `/conversations/${visitor.conversationId}/messages`);
    expect(JSON.stringify(messages.body)).not.toContain('legacy plan');
  });

  it('lists a conversation’s notes oldest first, paged', async () => {
    const fresh = await startConversation(server, 'another question');
    try {
      for (const body of ['first', 'second', 'third']) await addNote({ body }, admin, fresh.conversationId);
      const page1 = await api<Page<ConversationNote>>('GET', `/conversations/${fresh.conversationId}/notes?limit=2`);
      expect(page1.body.data.map((n) => n.body)).toEqual(['first', 'second']);
      const page2 = await api<Page<ConversationNote>>('GET', `/conversations/${fresh.conversationId}/notes?limit=2&cursor=${encodeURIComponent(page1.body.next_cursor ?? '')}`);
      expect(page2.body).toMatchObject({ data: [{ body: 'third' }], next_cursor: null });
    } finally {
      fresh.socket.close();
    }
  });

  it('writes API-token notes as "API"', async () => {
    const res = await fetch(`${server.url}/api/v1/conversations/${visitor.conversationId}/notes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'Synced from CRM, ping @Linus' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ authorId: null, authorName: 'API', mentions: [expect.stringMatching(/^ag_/)] });
  });

  it.each([
    ['an empty body', { body: '   ' }],
    ['a body over 10 000 characters', { body: 'x'.repeat(10_001) }],
    ['an unknown field', { body: 'hi', internal: true }],
    ['no body', {}],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await addNote(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('answers 404 for another workspace’s conversation, and for unknown ones', async () => {
    const { session } = await otherWorkspace(server);
    expect((await api('GET', `/conversations/${visitor.conversationId}/notes`, undefined, session)).status).toBe(404);
    expect((await addNote({ body: 'intruder' }, session)).status).toBe(404);
    expect((await addNote({ body: 'nowhere' }, admin, 'conv_missing')).status).toBe(404);
    const notes = await api<Page<ConversationNote>>('GET', `/conversations/${visitor.conversationId}/notes?limit=100`);
    expect(notes.body.data.map((n) => n.body)).not.toContain('intruder');
  });
});
