// @vitest-environment happy-dom
/**
 * The whole logged-in inbox against a fake API and a fake socket: what an
 * agent sees and does, checked through accessible names as the e2e test does.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack, AgentConversation, Message, SendMessageInput } from '../../protocol/index.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { contactProfile, conversation, message } from '../test-support/fixtures.js';
import { Workspace } from './Workspace.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const };

const ada = { id: 'ct1', externalId: 'user-42', name: 'Grace Hopper', email: 'grace@example.com', identified: true };
const visitorMessages = [
  message({ seq: 1, body: 'Hello' }),
  message({ seq: 2, body: 'Is **anyone** there?' }),
];
const c1 = conversation({
  id: 'c1',
  contact: ada,
  lastSeq: 2,
  agentReadSeq: 1,
  lastMessage: visitorMessages[1],
  updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
});
const c2 = conversation({
  id: 'c2',
  contact: { id: 'ct_0000abcdef', externalId: null, name: null, email: null, identified: false },
  updatedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
});

function setup() {
  const socket = new FakeAgentSocket();
  let seq = 2;
  socket.respond = (event, payload): Ack<unknown> | undefined => {
    if (event !== 'message:send') return undefined;
    const input = payload as SendMessageInput;
    seq += 1;
    const stored: Message = message({
      seq,
      id: `m${seq}`,
      clientId: input.clientId,
      body: input.body,
      authorType: 'agent',
      authorId: agent.id,
      authorName: agent.name,
    });
    return { ok: true, data: { message: stored } };
  };
  const setStatus = vi.fn(async (id: string, status: AgentConversation['status']) => ({ ...c1, id, status }));
  const api = fakeApi({
    listConversations: async (filter) => ({ data: filter.status === 'open' ? [c1, c2] : [], next_cursor: null }),
    getConversation: async (id) => (id === 'c1' ? c1 : c2),
    listMessages: async (id) => ({ data: id === 'c1' ? visitorMessages : [], next_cursor: null }),
    getContact: async () =>
      contactProfile({ ...ada, traits: { plan: 'pro', seats: 12 }, tags: ['detractor', 'beta'], lastPageUrl: 'https://shop.example/pricing' }),
    listContactEvents: async () => ({
      data: [
        {
          id: 'e1',
          contactId: 'ct1',
          type: 'track' as const,
          name: 'checkout_started',
          props: {},
          url: null,
          occurredAt: new Date().toISOString(),
        },
      ],
    }),
    listAgents: async () => ({ data: [agent] }),
    setStatus,
  });
  const onLogout = vi.fn(async () => undefined);
  render(<Workspace agent={agent} api={api} onLogout={onLogout} connect={() => socket.asAgentSocket()} />);
  return { socket, setStatus, onLogout };
}

async function openConversation(id: string): Promise<void> {
  await act(async () => {
    window.location.hash = `#/conversations/${id}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('Workspace', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => cleanup());

  it('shows the top bar, filters and the live conversation list', async () => {
    const { onLogout } = setup();
    expect(screen.getByText('Parley')).toBeTruthy();
    expect(screen.getByText('Ada Admin')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Closed' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Unassigned' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('Select a conversation')).toBeTruthy();

    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    const grace = await within(nav).findByRole('link', { name: /Grace Hopper/ });
    expect(grace.textContent).toContain('Is anyone there?');
    expect(grace.textContent).toContain('5m');
    expect(within(grace).getByRole('img', { name: 'Unread' })).toBeTruthy();
    const anonymous = within(nav).getByRole('link', { name: /Visitor abcdef/ });
    expect(within(anonymous).queryByRole('img', { name: 'Unread' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(onLogout).toHaveBeenCalled();
  });

  it('shows an empty state when a filter has no conversations', async () => {
    setup();
    await screen.findByRole('link', { name: /Grace Hopper/ });
    fireEvent.click(screen.getByRole('button', { name: 'Closed' }));
    expect(await screen.findByText('No conversations yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Closed' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens a thread with rendered messages, the contact panel, and marks it read', async () => {
    const { socket } = setup();
    await act(async () => {
      socket.connect();
    });
    await openConversation('c1');
    expect(await screen.findByRole('heading', { name: 'Grace Hopper', level: 2 })).toBeTruthy();
    const second = await waitFor(() => {
      const element = document.querySelector('[data-message-id="m2"]');
      if (!element) throw new Error('message m2 not rendered');
      return element;
    });
    expect(second.querySelector('strong')?.textContent).toBe('anyone');
    expect(second.classList.contains('message--visitor')).toBe(true);

    const panel = screen.getByRole('complementary', { name: 'Contact' });
    expect(await within(panel).findByText('grace@example.com')).toBeTruthy();
    expect(within(panel).getByText('user-42')).toBeTruthy();
    expect(within(panel).getByText('Identified')).toBeTruthy();
    expect(within(panel).getByText('plan')).toBeTruthy();
    expect(within(panel).getByText('pro')).toBeTruthy();
    const tags = within(panel).getByRole('list', { name: 'Tags' });
    expect(within(tags).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['detractor', 'beta']);
    expect(within(panel).getByText('Recent activity')).toBeTruthy();
    expect(await within(panel).findByText('checkout_started')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'shop.example/pricing' })).toBeTruthy();

    await waitFor(() => expect(socket.sent('read')).toEqual([{ conversationId: 'c1', seq: 2 }]));
    const link = screen.getByRole('link', { name: /Grace Hopper/ });
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(within(link).queryByRole('img', { name: 'Unread' })).toBeNull();
  });

  it('sends with Enter (not Shift+Enter), shows "Sending…" until acked, then "Seen" on read', async () => {
    const { socket } = setup();
    await act(async () => {
      socket.connect();
    });
    await openConversation('c1');
    const reply = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() => expect(document.querySelector('[data-message-id="m2"]')).not.toBeNull());

    const answer = socket.respond;
    socket.respond = () => undefined; // hold the ack back
    fireEvent.input(reply, { target: { value: 'On it!' } });
    expect(socket.sent('typing')).toEqual([{ conversationId: 'c1', typing: true }]);
    fireEvent.keyDown(reply, { key: 'Enter', shiftKey: true });
    expect(socket.sent('message:send')).toHaveLength(0);
    fireEvent.keyDown(reply, { key: 'Enter' });
    expect(socket.sent('message:send')).toHaveLength(1);
    expect(socket.sent('typing').at(-1)).toEqual({ conversationId: 'c1', typing: false });
    expect((reply as HTMLTextAreaElement).value).toBe('');
    expect(await screen.findByText('Sending…')).toBeTruthy();

    socket.respond = answer;
    await act(async () => {
      socket.fire('disconnect', 'transport close');
      socket.connect(); // reconnect: the unacked message is resent with the same clientId
    });
    const sends = socket.sent('message:send') as SendMessageInput[];
    expect(sends.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sends.map((input) => input.clientId)).size).toBe(1);
    const mine = await waitFor(() => {
      const element = document.querySelector('[data-message-id="m3"]');
      if (!element) throw new Error('not acked yet');
      return element;
    });
    expect(mine.classList.contains('message--team')).toBe(true);
    expect(within(mine as HTMLElement).getByText('Sent')).toBeTruthy();
    expect(document.querySelectorAll('[data-client-id]')).toHaveLength(3);

    await act(async () => socket.fire('read', { conversationId: 'c1', seq: 3, by: 'visitor' }));
    expect(within(mine as HTMLElement).getByText('Seen')).toBeTruthy();
  });

  it('shows typing, announces new visitor messages, and keeps them in order', async () => {
    const { socket } = setup();
    await act(async () => {
      socket.connect();
    });
    await openConversation('c1');
    await waitFor(() => expect(document.querySelector('[data-message-id="m2"]')).not.toBeNull());

    await act(async () => socket.fire('typing', { conversationId: 'c1', typing: true, author: 'visitor', name: null }));
    expect(screen.getByText('Visitor is typing…')).toBeTruthy();

    await act(async () => {
      socket.fire('message:new', message({ seq: 4, body: 'fourth' }));
      socket.fire('message:new', message({ seq: 3, body: 'third' }));
      socket.fire('message:new', message({ seq: 3, body: 'third' }));
    });
    expect(screen.queryByText('Visitor is typing…')).toBeNull();
    const ids = [...document.querySelectorAll('[data-message-id]')].map((el) => el.getAttribute('data-message-id'));
    expect(ids).toEqual(['m1', 'm2', 'm3', 'm4']);
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('New message from Grace Hopper: third');
  });

  it('closes the conversation: it leaves the Open list, the thread offers "Reopen"', async () => {
    const { setStatus } = setup();
    await openConversation('c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Close' }));
    await waitFor(() => expect(setStatus).toHaveBeenCalledWith('c1', 'closed'));
    expect(await screen.findByRole('button', { name: 'Reopen' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    expect(within(nav).queryByRole('link', { name: /Grace Hopper/ })).toBeNull();
  });

  it('shows the visitor’s rating of a closed conversation in the thread header', async () => {
    const { socket, setStatus } = setup();
    await act(async () => {
      socket.connect();
    });
    await openConversation('c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Close' }));
    await waitFor(() => expect(setStatus).toHaveBeenCalledWith('c1', 'closed'));
    await screen.findByRole('button', { name: 'Reopen' });
    await act(async () => socket.fire('conversation:updated', { ...c1, status: 'closed', rating: 4, ratingComment: 'Quick, thanks' }));
    await waitFor(() => expect(document.querySelector('.thread-header')?.textContent).toContain('Rated 4/5 — “Quick, thanks”'));
  });
});
