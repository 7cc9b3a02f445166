/** The outbox on its own, over a scripted connection: order, refusals, retry, and the move into a started conversation. */
import { describe, expect, it } from 'vitest';
import type { Ack, Message, VisitorConversation } from '../../protocol/index.js';
import type { ChatState } from './chat-state.js';
import { NEW_CONVERSATION, type OutboxHost, outboxSender } from './outbox-sender.js';
import { memoryOutboxStore } from './outbox-store.js';
import type { RequestEvent } from './transport.js';

const message = (seq: number, clientId: string, body: string): Message => ({
  id: `m${seq}`,
  conversationId: 'conv1',
  seq,
  clientId,
  authorType: 'visitor',
  authorId: 'ct1',
  authorName: null,
  body,
  attachments: [],
  createdAt: new Date().toISOString(),
});

function setup(answer: (event: RequestEvent, payload: Record<string, unknown>, seq: number) => Ack<unknown> | null) {
  let state: ChatState = { status: 'online', conversations: [], threads: {}, typing: {}, unread: 0 };
  const requests: Array<{ event: RequestEvent; payload: Record<string, unknown> }> = [];
  const delivered: Array<[Message, VisitorConversation | undefined]> = [];
  const connection = {
    connected: false,
    async request<T>(event: RequestEvent, payload: unknown): Promise<Ack<T> | null> {
      requests.push({ event, payload: payload as Record<string, unknown> });
      return answer(event, payload as Record<string, unknown>, requests.length) as Ack<T> | null;
    },
  };
  const host: OutboxHost = {
    connection,
    state: () => state,
    update: (patch) => (state = { ...state, ...patch }),
    delivered: (m, started) => delivered.push([m, started]),
  };
  const store = memoryOutboxStore();
  let n = 0;
  const outbox = outboxSender({ outbox: store, newClientId: () => `client-${++n}` }, host);
  return { outbox, connection, requests, delivered, store, state: () => state };
}

const sent = (payload: Record<string, unknown>, seq: number): Ack<unknown> => ({ ok: true, data: { message: message(seq, payload.clientId as string, payload.body as string) } });

describe('outboxSender', () => {
  it('sends in the order written, and moves what was written to NEW_CONVERSATION into the conversation the server created', async () => {
    const conversation = { id: 'conv1' } as VisitorConversation;
    const t = setup((event, payload, seq) => (event === 'conversation:start' ? { ok: true, data: { conversation, message: message(seq, payload.clientId as string, payload.body as string) } } : sent(payload, seq)));
    t.outbox.write(NEW_CONVERSATION, 'first', []);
    t.outbox.write(NEW_CONVERSATION, 'second', []);
    expect(t.state().threads[NEW_CONVERSATION].map((i) => [i.body, i.state])).toEqual([
      ['first', 'sending'],
      ['second', 'sending'],
    ]);

    t.connection.connected = true;
    void t.outbox.flush();
    await expect.poll(() => t.delivered.length).toBe(2);
    expect(t.requests.map((r) => [r.event, r.payload.body, r.payload.conversationId])).toEqual([
      ['conversation:start', 'first', undefined],
      ['message:send', 'second', 'conv1'],
    ]);
    expect(t.delivered.map(([m, started]) => [m.body, started?.id])).toEqual([
      ['first', 'conv1'],
      ['second', undefined],
    ]);
    expect(Object.keys(t.state().threads)).toEqual(['conv1']);
    expect(await t.store.load()).toEqual([]);
  });

  it('keeps a refused message as failed without blocking the next; retry sends it again, discard drops it', async () => {
    let refuse = true;
    const t = setup((event, payload, seq) =>
      payload.body === 'bad' && refuse ? { ok: false, error: { code: 'validation_failed', message: 'too long' } } : sent(payload, seq),
    );
    t.connection.connected = true;
    const bad = t.outbox.write('conv1', 'bad', []);
    t.outbox.write('conv1', 'good', []);
    await expect.poll(() => t.delivered.length).toBe(1);
    const stateOf = (clientId: string) => t.state().threads.conv1.find((i) => i.clientId === clientId)?.state;
    expect(stateOf(bad)).toBe('failed');
    expect(t.delivered.map(([m]) => m.body)).toEqual(['good']);
    expect((await t.store.load()).map((r) => [r.clientId, r.failed])).toEqual([[bad, true]]);

    refuse = false;
    t.outbox.retry('conv1', bad);
    expect(stateOf(bad)).toBe('sending');
    await expect.poll(() => t.delivered.map(([m]) => m.body)).toEqual(['good', 'bad']);

    refuse = true;
    const worse = t.outbox.write('conv1', 'bad', []);
    await expect.poll(() => stateOf(worse)).toBe('failed');
    t.outbox.discard('conv1', worse);
    expect(stateOf(worse)).toBeUndefined();
    expect(await t.store.load()).toEqual([]);
  });

  it('restores what a reload left in the store, failed ones as failed', async () => {
    const store = memoryOutboxStore();
    await store.put({ clientId: 'a', body: 'kept', conversationId: 'conv1', order: 2, failed: false });
    await store.put({ clientId: 'b', body: 'refused', conversationId: 'conv1', order: 1, failed: true });
    let state: ChatState = { status: 'offline', conversations: [], threads: {}, typing: {}, unread: 0 };
    const outbox = outboxSender(
      { outbox: store },
      {
        connection: { connected: false, request: async () => null },
        state: () => state,
        update: (patch) => (state = { ...state, ...patch }),
        delivered: () => {},
      },
    );
    await outbox.flush();
    expect(state.threads.conv1.map((i) => [i.clientId, i.state])).toEqual([
      ['a', 'sending'],
      ['b', 'failed'],
    ]);
  });
});
