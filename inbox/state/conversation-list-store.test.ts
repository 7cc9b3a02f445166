import { describe, expect, it, vi } from 'vitest';
import type { AgentConversation, Page } from '../../protocol/index.js';
import { fakeApi } from '../test-support/fake-api.js';
import { conversation, message } from '../test-support/fixtures.js';
import { createConversationListStore } from './conversation-list-store.js';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
const ids = (list: readonly AgentConversation[]) => list.map((c) => c.id);

describe('createConversationListStore', () => {
  it('loads the first page for the current filter', async () => {
    const listConversations = vi.fn(async () => ({ data: [conversation({ id: 'a' })], next_cursor: 'n1' }));
    const store = createConversationListStore(fakeApi({ listConversations }), 'me');
    await store.reload();
    expect(listConversations).toHaveBeenCalledWith({ status: 'open', assignee: 'all' });
    expect(ids(store.items.value)).toEqual(['a']);
    expect(store.hasMore.value).toBe(true);
    expect(store.status.value).toBe('ready');
  });

  it('replays pushes that arrive while a reload is in flight', async () => {
    let respond!: (page: Page<AgentConversation>) => void;
    const listConversations = vi.fn(() => new Promise<Page<AgentConversation>>((resolve) => (respond = resolve)));
    const store = createConversationListStore(fakeApi({ listConversations }), 'me');
    const loading = store.reload();
    store.upsert(conversation({ id: 'fresh', updatedAt: at(30) }));
    respond({ data: [conversation({ id: 'old', updatedAt: at(1), lastSeq: 1 })], next_cursor: null });
    await loading;
    expect(ids(store.items.value)).toEqual(['fresh', 'old']);
  });

  it('drops the response of a filter the agent already left', async () => {
    const responses: ((page: Page<AgentConversation>) => void)[] = [];
    const listConversations = vi.fn(() => new Promise<Page<AgentConversation>>((resolve) => responses.push(resolve)));
    const store = createConversationListStore(fakeApi({ listConversations }), 'me');
    const first = store.reload();
    store.setFilter({ status: 'closed' });
    responses[1]({ data: [conversation({ id: 'closed-one', status: 'closed' })], next_cursor: null });
    responses[0]({ data: [conversation({ id: 'open-one' })], next_cursor: null });
    await first;
    await Promise.resolve();
    expect(ids(store.items.value)).toEqual(['closed-one']);
  });

  it('updates previews live and fetches conversations it has never seen', async () => {
    const getConversation = vi.fn(async (id: string) =>
      conversation({ id, updatedAt: at(50), lastSeq: 1, lastMessage: message({ conversationId: id, seq: 1 }) }),
    );
    const listConversations = vi.fn(async () => ({
      data: [conversation({ id: 'a', updatedAt: at(1), lastSeq: 1 }), conversation({ id: 'b', updatedAt: at(2) })],
      next_cursor: null,
    }));
    const store = createConversationListStore(fakeApi({ listConversations, getConversation }), 'me');
    await store.reload();
    store.applyMessage(message({ conversationId: 'a', seq: 2, body: 'new!', createdAt: at(40) }));
    expect(ids(store.items.value)).toEqual(['a', 'b']);
    expect(store.items.value[0].lastMessage?.body).toBe('new!');

    store.applyMessage(message({ conversationId: 'brand-new', seq: 1 }));
    await vi.waitFor(() => expect(ids(store.items.value)).toEqual(['brand-new', 'a', 'b']));
  });

  it('does not refetch a conversation that does not match the filter on every message', async () => {
    const getConversation = vi.fn(async (id: string) => conversation({ id, status: 'closed' }));
    const listConversations = vi.fn(async () => ({ data: [], next_cursor: null }));
    const store = createConversationListStore(fakeApi({ listConversations, getConversation }), 'me');
    await store.reload();
    store.applyMessage(message({ conversationId: 'x', seq: 1 }));
    await vi.waitFor(() => expect(getConversation).toHaveBeenCalledTimes(1));
    store.applyMessage(message({ conversationId: 'x', seq: 2 }));
    expect(getConversation).toHaveBeenCalledTimes(1);
    expect(store.items.value).toEqual([]);
  });

  it('reports a failed load', async () => {
    const store = createConversationListStore(
      fakeApi({ listConversations: () => Promise.reject(new Error('Cannot reach the server.')) }),
      'me',
    );
    await store.reload();
    expect(store.status.value).toBe('error');
    expect(store.error.value).toBe('Cannot reach the server.');
  });
});
