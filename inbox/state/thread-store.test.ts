import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack, Message, Page, SyncResult } from '../../protocol/index.js';
import { message } from '../test-support/fixtures.js';
import type { SocketTransport } from './message-transport.js';
import { createThreadStore } from './thread-store.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada', role: 'agent' as const };

function page(data: Message[], next: string | null = null): Page<Message> {
  return { data, next_cursor: next };
}

function setup(options: { connected?: boolean; pages?: Page<Message>[] } = {}) {
  const pages = options.pages ?? [page([message({ seq: 1 }), message({ seq: 2 })])];
  const listMessages = vi.fn(async (_id: string, _afterSeq: number) => pages.shift() ?? page([]));
  const postMessage = vi.fn();
  const socket = {
    connected: options.connected ?? true,
    send: vi.fn<SocketTransport['send']>(),
    sync: vi.fn<SocketTransport['sync']>(),
  };
  const onOwnMessageStored = vi.fn();
  const store = createThreadStore({
    api: { listMessages, postMessage },
    agent,
    socket: { isConnected: () => socket.connected, send: socket.send, sync: socket.sync },
    onOwnMessageStored,
  });
  return { store, listMessages, socket, onOwnMessageStored };
}

const bodies = (entries: readonly { message: Message }[]) => entries.map((entry) => entry.message.body);

describe('createThreadStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads every page on open and becomes ready', async () => {
    const { store, listMessages } = setup({
      pages: [page([message({ seq: 1 }), message({ seq: 2 })], 'more'), page([message({ seq: 3 })])],
    });
    const thread = store.open('c1');
    expect(thread.status.value).toBe('loading');
    await vi.runAllTimersAsync();
    expect(thread.status.value).toBe('ready');
    expect(bodies(thread.entries.value)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(listMessages.mock.calls.map(([, after]) => after)).toEqual([0, 2]);
    expect(store.open('c1')).toBe(thread);
  });

  it('merges pushes that race the first load without duplicates', async () => {
    const { store } = setup();
    const thread = store.open('c1');
    store.receive(message({ seq: 2 }));
    store.receive(message({ seq: 3 }));
    await vi.runAllTimersAsync();
    expect(bodies(thread.entries.value)).toEqual(['message 1', 'message 2', 'message 3']);
  });

  it('ignores pushes for threads never opened', () => {
    const { store } = setup();
    expect(() => store.receive(message({ conversationId: 'other' }))).not.toThrow();
  });

  it('shows a sent message as sending, then as the acked message', async () => {
    const { store, socket, onOwnMessageStored } = setup();
    const thread = store.open('c1');
    await vi.runAllTimersAsync();
    let ack!: (response: Ack<{ message: Message }>) => void;
    socket.send.mockReturnValueOnce(new Promise((resolve) => (ack = resolve)));
    store.send('c1', 'Hello there');
    const pending = thread.entries.value.at(-1);
    expect(pending).toMatchObject({ delivery: 'sending', message: { body: 'Hello there', id: '' } });
    const clientId = pending?.message.clientId ?? '';
    expect(socket.send).toHaveBeenCalledWith({ conversationId: 'c1', clientId, body: 'Hello there' });
    const stored = message({ seq: 3, id: 'm3', clientId, authorType: 'agent', body: 'Hello there' });
    ack({ ok: true, data: { message: stored } });
    await vi.runAllTimersAsync();
    expect(thread.entries.value.at(-1)).toMatchObject({ delivery: 'sent', key: clientId, message: { id: 'm3' } });
    expect(thread.entries.value).toHaveLength(3);
    expect(onOwnMessageStored).toHaveBeenCalledWith(stored);
  });

  it('marks a refused message failed and retries it with the same clientId', async () => {
    const { store, socket } = setup();
    const thread = store.open('c1');
    await vi.runAllTimersAsync();
    socket.send.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'Not yours' } });
    store.send('c1', 'x');
    await vi.runAllTimersAsync();
    const failed = thread.entries.value.at(-1);
    expect(failed).toMatchObject({ delivery: 'failed', error: 'Not yours' });
    const clientId = failed?.message.clientId ?? '';
    socket.send.mockResolvedValueOnce({
      ok: true,
      data: { message: message({ seq: 3, clientId, authorType: 'agent', body: 'x' }) },
    });
    store.retry('c1', clientId);
    expect(thread.entries.value.at(-1)?.delivery).toBe('sending');
    await vi.runAllTimersAsync();
    expect(thread.entries.value.at(-1)?.delivery).toBe('sent');
    expect(socket.send.mock.calls.map(([input]) => input.clientId)).toEqual([clientId, clientId]);
  });

  it('fetches the gap when a push skips seqs', async () => {
    const { store, socket } = setup();
    const thread = store.open('c1');
    await vi.runAllTimersAsync();
    socket.sync.mockResolvedValueOnce({
      ok: true,
      data: { messages: [message({ seq: 3 }), message({ seq: 4 }), message({ seq: 5 })], lastSeq: 5 },
    });
    store.receive(message({ seq: 5 }));
    await vi.runAllTimersAsync();
    expect(socket.sync).toHaveBeenCalledWith({ conversationId: 'c1', afterSeq: 2 });
    expect(thread.entries.value.map((entry) => entry.message.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('catches up every open thread after a reconnect, page by page', async () => {
    const { store, socket } = setup();
    const thread = store.open('c1');
    await vi.runAllTimersAsync();
    const responses: Ack<SyncResult>[] = [
      { ok: true, data: { messages: [message({ seq: 3 })], lastSeq: 4 } },
      { ok: true, data: { messages: [message({ seq: 4 })], lastSeq: 4 } },
    ];
    socket.sync.mockImplementation(async () => responses.shift() ?? { ok: true, data: { messages: [], lastSeq: 4 } });
    await store.catchUpAll();
    expect(socket.sync.mock.calls.map(([input]) => input.afterSeq)).toEqual([2, 3]);
    expect(thread.entries.value.map((entry) => entry.message.seq)).toEqual([1, 2, 3, 4]);
  });

  it('catches up over REST when the socket cannot sync', async () => {
    const { store, socket, listMessages } = setup({
      pages: [page([message({ seq: 1 })]), page([message({ seq: 2 })])],
    });
    const thread = store.open('c1');
    await vi.runAllTimersAsync();
    socket.sync.mockRejectedValueOnce(new Error('timeout'));
    await store.catchUpAll();
    expect(listMessages.mock.calls.at(-1)?.[1]).toBe(1);
    expect(thread.entries.value.map((entry) => entry.message.seq)).toEqual([1, 2]);
  });

  it('reports a failed load and loads again on the next open', async () => {
    const { store, listMessages } = setup();
    listMessages.mockRejectedValueOnce(new Error('Server down'));
    const thread = store.open('c1');
    await vi.runAllTimersAsync();
    expect(thread.status.value).toBe('error');
    expect(thread.error.value).toBe('Server down');
    store.open('c1');
    await vi.runAllTimersAsync();
    expect(thread.status.value).toBe('ready');
  });
});
