import { describe, expect, it, vi } from 'vitest';
import type { Ack, ConversationNote } from '../../protocol/index.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { createAnnouncer } from './announcer.js';
import { createConversationListStore } from './conversation-list-store.js';
import { createWorkTools } from './work-tools.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada', role: 'agent' as const };
const note = (overrides: Partial<ConversationNote> = {}): ConversationNote => ({
  id: 'n1',
  conversationId: 'c1',
  authorId: 'a2',
  authorName: 'Grace',
  body: 'Over to you @Ada',
  mentions: ['a1'],
  createdAt: '2025-01-01T12:00:00.000Z',
  ...overrides,
});

function setup() {
  const socket = new FakeAgentSocket();
  socket.respond = (event): Ack<unknown> | undefined =>
    event === 'conversation:view' ? { ok: true, data: { conversationId: 'c1', agents: [{ id: 'a2', name: 'Grace' }] } } : undefined;
  const listNotes = vi.fn(async () => ({ data: [note({ id: 'n0', mentions: [] })], next_cursor: null }));
  const api = fakeApi({ listNotes });
  const announcer = createAnnouncer();
  const tools = createWorkTools({
    api,
    agent,
    socket: socket.asAgentSocket(),
    list: createConversationListStore(api, agent.id),
    announcer,
    conversationName: () => 'Linus',
  });
  return { socket, tools, announcer, listNotes };
}

describe('the work tools on the socket', () => {
  it('takes notes, mentions and viewers from their events', async () => {
    const { socket, tools, announcer } = setup();
    const thread = tools.notes.open('c1');
    await vi.waitFor(() => expect(thread.status.value).toBe('ready'));
    socket.fire('note:new', note({ id: 'n2', mentions: [] }));
    expect(thread.notes.value.map((n) => n.id)).toEqual(['n0', 'n2']);

    socket.fire('mention', { note: note({ id: 'n3' }) });
    expect(tools.mentions.notices.value.map((n) => n.id)).toEqual(['n3']);
    expect(announcer.text.value).toBe('Grace mentioned you in a note: Over to you @Ada (conversation with Linus)');
    // The agent's own note names no one to notify; an opened conversation clears its notices.
    socket.fire('mention', { note: note({ id: 'n4', authorId: 'a1' }) });
    expect(tools.mentions.notices.value).toHaveLength(1);
    tools.mentions.seen('c1');
    expect(tools.mentions.notices.value).toEqual([]);

    socket.fire('viewers', { conversationId: 'c1', agents: [{ id: 'a3', name: 'Alan' }] });
    expect(tools.viewers.of('c1').value).toEqual([{ id: 'a3', name: 'Alan' }]);
  });

  it('says again what it views after a reconnect, reloads the notes, and unbinds on dispose', async () => {
    const { socket, tools, listNotes } = setup();
    socket.connect();
    tools.viewers.view('c1');
    tools.notes.open('c1');
    await vi.waitFor(() => expect(tools.viewers.of('c1').value).toEqual([{ id: 'a2', name: 'Grace' }]));
    expect(listNotes).toHaveBeenCalledTimes(1);

    socket.disconnect();
    socket.connect();
    expect(socket.sent('conversation:view')).toEqual([
      { conversationId: 'c1', viewing: true },
      { conversationId: 'c1', viewing: true },
    ]);
    expect(listNotes).toHaveBeenCalledTimes(2);

    tools.dispose();
    socket.fire('viewers', { conversationId: 'c1', agents: [] });
    expect(tools.viewers.of('c1').value).toHaveLength(1);
  });
});
