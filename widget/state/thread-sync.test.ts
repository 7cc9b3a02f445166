/** The catch-up on its own, over a scripted connection: pages by seq, gaps, unknown conversations. */
import { describe, expect, it } from 'vitest';
import type { Ack, Message, VisitorConversation } from '../../protocol/index.js';
import type { ChatState } from './chat-state.js';
import { threadSync } from './thread-sync.js';
import type { RequestEvent } from './transport.js';

const message = (seq: number): Message => ({
  id: `m${seq}`,
  conversationId: 'conv1',
  seq,
  clientId: `c${seq}`,
  authorType: 'agent',
  authorId: 'ag1',
  authorName: 'Ana',
  body: `body ${seq}`,
  attachments: [],
  createdAt: new Date(seq * 1000).toISOString(),
});

function setup(threads: ChatState['threads']) {
  let state: ChatState = { status: 'online', conversations: [], threads, typing: {}, unread: 0 };
  const requests: Array<{ event: RequestEvent; payload: Record<string, unknown> }> = [];
  let caughtUp = 0;
  const sync = threadSync(
    { apiBase: 'https://parley.example' },
    {
      connection: {
        async request<T>(event: RequestEvent, payload: unknown): Promise<Ack<T> | null> {
          const p = payload as Record<string, unknown>;
          requests.push({ event, payload: p });
          if (event === 'conversations:list') return { ok: true, data: { conversations: [{ id: 'conv1' } as VisitorConversation] } as T };
          // Two messages a page, up to seq 5.
          const after = p.afterSeq as number;
          const messages = [after + 1, after + 2].filter((s) => s <= 5).map(message);
          return { ok: true, data: { messages, lastSeq: 5 } as T };
        },
      },
      state: () => state,
      update: (patch) => (state = { ...state, ...patch }),
      setConversations: (conversations) => (state = { ...state, conversations }),
      caughtUp: async () => void caughtUp++,
    },
  );
  return { sync, requests, state: () => state, caughtUp: () => caughtUp };
}

describe('threadSync', () => {
  it('catches up the conversation list, then each loaded thread after its last seq, page by page', async () => {
    const t = setup({ conv1: [] });
    await t.sync.catchUp();
    expect(t.state().conversations.map((c) => c.id)).toEqual(['conv1']);
    expect(t.state().threads.conv1.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(t.requests.map((r) => r.payload.afterSeq)).toEqual([undefined, 0, 2, 4]);
    expect(t.caughtUp()).toBe(1);
  });

  it('merges a message into its loaded thread once; a thread not loaded is left alone', async () => {
    const t = setup({ conv1: [] });
    await t.sync.catchUp();
    expect(t.sync.merge(message(5))).toBe(true);
    expect(t.state().threads.conv1.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);

    const unloaded = setup({});
    await unloaded.sync.catchUp();
    expect(unloaded.sync.merge(message(1))).toBe(false);
    expect(unloaded.state().threads).toEqual({});
  });

  it('asks for a catch-up when a message comes for a conversation it does not know', async () => {
    const t = setup({});
    t.sync.merge(message(1));
    await expect.poll(() => t.caughtUp()).toBe(1);
    expect(t.requests[0].event).toBe('conversations:list');
  });

  it('fills a gap before a message that arrives past it', async () => {
    const t = setup({ conv1: [] });
    await t.sync.catchUp();
    // Only seq 1 is here (2 and 3 were missed) when 4 arrives.
    t.state().threads.conv1 = t.state().threads.conv1.filter((i) => (i.seq ?? 0) <= 1);
    t.requests.length = 0;
    t.sync.merge(message(4));
    await expect.poll(() => t.state().threads.conv1.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(t.requests[0].payload.afterSeq).toBe(1);
  });
});
