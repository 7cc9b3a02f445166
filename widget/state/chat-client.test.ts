/** The chat client's outbox with attachments: they are kept with the message and sent after a reload. */
import { describe, expect, it } from 'vitest';
import type { Ack, Attachment, Message, VisitorConversation } from '../../protocol/index.js';
import { ChatClient, NEW_CONVERSATION } from './chat-client.js';
import { memoryOutboxStore } from './outbox-store.js';
import { HandlerSet, type ChatTransport, type RequestEvent, type TransportHandlers } from './transport.js';

const file: Attachment = { id: 'att_1', name: 'pixel.png', size: 70, contentType: 'image/png', url: '/api/v1/attachments/att_1/sig' };

class FakeTransport implements ChatTransport {
  connected = false;
  readonly requests: Array<{ event: RequestEvent; payload: Record<string, unknown> }> = [];
  private readonly handlers = new HandlerSet();

  subscribe(h: TransportHandlers) {
    return this.handlers.add(h);
  }

  connect() {
    this.connected = true;
    this.handlers.status(true);
  }

  async request<T>(event: RequestEvent, payload: unknown): Promise<Ack<T> | null> {
    const p = payload as Record<string, unknown>;
    this.requests.push({ event, payload: p });
    if (event === 'conversations:list') return { ok: true, data: { conversations: [] } as T };
    if (event === 'conversation:start') {
      const message: Message = {
        id: 'm1',
        conversationId: 'conv1',
        seq: 1,
        clientId: p.clientId as string,
        authorType: 'visitor',
        authorId: 'ct1',
        authorName: null,
        body: p.body as string,
        attachments: p.attachmentIds ? [file] : [],
        createdAt: new Date().toISOString(),
      };
      const conversation = { id: 'conv1', status: 'open', lastSeq: 1, visitorReadSeq: 1, agentReadSeq: 0, unread: 0 } as VisitorConversation;
      return { ok: true, data: { conversation, message } as T };
    }
    return null;
  }

  notify() {}
  close() {}
}

describe('ChatClient attachments', () => {
  it('keeps attachment ids in the outbox record, so a reload still sends them, and shows them absolute', async () => {
    const store = memoryOutboxStore();
    const before = new ChatClient({ apiBase: 'https://parley.example', appId: 'demo', token: 't', outbox: store, newClientId: () => 'client-0001' });
    before.send(NEW_CONVERSATION, '', [{ ...file, url: `https://parley.example${file.url}` }]);
    await new Promise((r) => setTimeout(r, 0));
    expect((await store.load())[0]).toMatchObject({ clientId: 'client-0001', body: '', attachmentIds: ['att_1'] });
    before.close();

    // "Reload": a new client over the same store, then the socket connects.
    const after = new ChatClient({ apiBase: 'https://parley.example', appId: 'demo', token: 't', outbox: store });
    await new Promise((r) => setTimeout(r, 0));
    expect(after.state.threads[NEW_CONVERSATION]?.[0]?.attachments.map((a) => a.name)).toEqual(['pixel.png']);
    const transport = new FakeTransport();
    after.attach(transport);
    transport.connect();
    await expect.poll(() => transport.requests.find((r) => r.event === 'conversation:start')?.payload).toEqual({ clientId: 'client-0001', body: '', attachmentIds: ['att_1'] });
    await expect.poll(() => after.state.threads.conv1?.[0]?.seq).toBe(1);
    expect(after.state.threads.conv1[0].attachments[0].url).toBe('https://parley.example/api/v1/attachments/att_1/sig');
    expect(await store.load()).toEqual([]);
    after.close();
  });
});
