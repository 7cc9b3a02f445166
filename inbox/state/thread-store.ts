/**
 * The messages of each opened conversation, and the sending of ours. Every
 * source of messages — the first REST load, socket pushes, catch-up after a
 * reconnect, acks of our own sends — goes through `mergeMessages`, so none of
 * them can duplicate or reorder what another already delivered.
 */
import { signal, type Signal } from '@preact/signals';
import type { AgentProfile, Attachment, Message } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { LoadStatus } from './conversation-list-store.js';
import { newClientId } from './client-id.js';
import type { SocketTransport } from './message-transport.js';
import { createDeliver } from './message-transport.js';
import { createOutbox } from './outbox.js';
import { addPending, contiguousSeq, mergeMessages, pendingMessage, setDelivery, type ThreadEntry } from './thread-merge.js';

export interface ThreadState {
  conversationId: string;
  entries: Signal<readonly ThreadEntry[]>;
  status: Signal<LoadStatus>;
  error: Signal<string | null>;
}

export interface ThreadStore {
  /** The thread of a conversation, loaded on first use. */
  open(conversationId: string): ThreadState;
  receive(message: Message): void;
  /** Sends our message, with uploads from `InboxApi.uploadAttachment`. */
  send(conversationId: string, body: string, attachments?: Attachment[]): void;
  retry(conversationId: string, clientId: string): void;
  /** After a reconnect: fetch what every opened thread missed, resend what is unacked. */
  catchUpAll(): Promise<void>;
  /** The socket is back: resend unacked messages now instead of at their next backoff. */
  flushOutbox(): void;
  dispose(): void;
}

export interface ThreadStoreOptions {
  api: Pick<InboxApi, 'listMessages' | 'postMessage'>;
  socket: SocketTransport;
  agent: AgentProfile;
  /** Our own message was stored: the list and header should show it too. */
  onOwnMessageStored(message: Message): void;
}

/** Bounds the REST walk of a very long conversation (200 messages a page). */
const MAX_PAGES = 25;

export function createThreadStore(options: ThreadStoreOptions): ThreadStore {
  const { api, socket, agent } = options;
  const threads = new Map<string, ThreadState>();
  /** One catch-up at a time per thread; a request during one runs once more after it. */
  const catchUps = new Map<string, { rerun: boolean }>();

  const outbox = createOutbox({
    deliver: createDeliver(socket, api),
    onAcked(message) {
      receive(message);
      options.onOwnMessageStored(message);
    },
    onFailed(outgoing, error) {
      const thread = threads.get(outgoing.conversationId);
      if (thread) thread.entries.value = setDelivery(thread.entries.value, outgoing.clientId, 'failed', error);
    },
  });

  function open(conversationId: string): ThreadState {
    const existing = threads.get(conversationId);
    if (existing) {
      if (existing.status.value === 'error') void load(existing);
      return existing;
    }
    const thread: ThreadState = {
      conversationId,
      entries: signal<readonly ThreadEntry[]>([]),
      status: signal<LoadStatus>('loading'),
      error: signal<string | null>(null),
    };
    threads.set(conversationId, thread);
    void load(thread);
    return thread;
  }

  async function load(thread: ThreadState): Promise<void> {
    thread.status.value = 'loading';
    try {
      // From the start, not from what pushes brought meanwhile: those may sit past a gap.
      await fetchAfter(thread, 0);
      thread.status.value = 'ready';
      thread.error.value = null;
    } catch (cause) {
      thread.status.value = 'error';
      thread.error.value = cause instanceof Error ? cause.message : 'Could not load messages.';
    }
  }

  /** Walks REST pages forward from `afterSeq` until the server says there is no more. */
  async function fetchAfter(thread: ThreadState, afterSeq: number): Promise<void> {
    let cursor = afterSeq;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await api.listMessages(thread.conversationId, cursor);
      thread.entries.value = mergeMessages(thread.entries.value, result.data);
      const last = result.data.at(-1);
      if (!result.next_cursor || !last) return;
      cursor = last.seq;
    }
  }

  /** Socket catch-up (`messages:sync`), falling back to REST when the socket cannot answer. */
  async function catchUp(thread: ThreadState): Promise<void> {
    const running = catchUps.get(thread.conversationId);
    if (running) {
      running.rerun = true;
      return;
    }
    const state = { rerun: true };
    catchUps.set(thread.conversationId, state);
    try {
      while (state.rerun) {
        state.rerun = false;
        await catchUpOnce(thread).catch(() => undefined);
      }
    } finally {
      catchUps.delete(thread.conversationId);
    }
  }

  async function catchUpOnce(thread: ThreadState): Promise<void> {
    if (!socket.isConnected()) return fetchAfter(thread, contiguousSeq(thread.entries.value));
    for (let page = 0; page < MAX_PAGES; page++) {
      const afterSeq = contiguousSeq(thread.entries.value);
      const ack = await socket.sync({ conversationId: thread.conversationId, afterSeq }).catch(() => null);
      if (!ack || !ack.ok) return fetchAfter(thread, afterSeq);
      thread.entries.value = mergeMessages(thread.entries.value, ack.data.messages);
      const last = ack.data.messages.at(-1);
      if (!last || last.seq >= ack.data.lastSeq) return;
    }
  }

  function receive(message: Message): void {
    const thread = threads.get(message.conversationId);
    if (!thread) return;
    thread.entries.value = mergeMessages(thread.entries.value, [message]);
    // A push past a hole means we missed some (e.g. while the tab slept): fetch the gap.
    if (thread.status.value === 'ready' && message.seq > contiguousSeq(thread.entries.value)) void catchUp(thread);
  }

  function enqueue(thread: ThreadState, clientId: string, body: string, attachments: readonly Attachment[]): void {
    const attachmentIds = attachments.map((a) => a.id);
    outbox.enqueue({ conversationId: thread.conversationId, clientId, body, ...(attachmentIds.length ? { attachmentIds } : {}) });
  }

  return {
    open,
    receive,
    send(conversationId, body, attachments = []) {
      const thread = open(conversationId);
      const clientId = newClientId();
      const message = pendingMessage({
        conversationId,
        clientId,
        body,
        authorId: agent.id,
        authorName: agent.name,
        createdAt: new Date().toISOString(),
        attachments,
      });
      thread.entries.value = addPending(thread.entries.value, message);
      enqueue(thread, clientId, body, attachments);
    },
    retry(conversationId, clientId) {
      const thread = threads.get(conversationId);
      const entry = thread?.entries.value.find((item) => item.message.clientId === clientId);
      if (!thread || !entry || entry.delivery !== 'failed') return;
      thread.entries.value = setDelivery(thread.entries.value, clientId, 'sending');
      enqueue(thread, clientId, entry.message.body, entry.message.attachments);
    },
    async catchUpAll() {
      await Promise.all(
        [...threads.values()].map((thread) => (thread.status.value === 'ready' ? catchUp(thread) : load(thread))),
      );
    },
    flushOutbox: () => outbox.flush(),
    dispose: () => outbox.dispose(),
  };
}
