/**
 * Delivers what the visitor writes (DESIGN.md §3): each message gets a client
 * id when written and is kept in the outbox store (IndexedDB in browsers) until
 * the server acks it. One message at a time, in order; a message with no answer
 * (timeout, offline, leader gone) or a retryable error is resent, which is safe
 * because the server stores a client id once. A refused one stays, marked
 * failed, until the visitor retries or discards it. Outbox records written
 * before a reload are restored from the store and sent too.
 *
 * The thread items it shows (sending, failed) live in the chat client's state.
 */
import type { Attachment, BotChoice, Message, VisitorConversation } from '../../protocol/index.js';
import type { ChatConnection } from './chat-connection.js';
import type { ChatStateAccess } from './chat-state.js';
import { memoryOutboxStore, type OutboxRecord, type OutboxStore } from './outbox-store.js';
import { pendingItem, setDeliveryState, type ThreadItem } from './thread.js';
import { ACK_TIMEOUT_MS } from './transport.js';

/** Where messages are written before their conversation exists. */
export const NEW_CONVERSATION = 'new';

/** The chat client's options it reads. */
export interface OutboxSenderOptions {
  outbox?: OutboxStore;
  newClientId?: () => string;
  ackTimeoutMs?: number;
}

/** What it reaches of the chat client. */
export interface OutboxHost extends ChatStateAccess {
  /** Nothing is sent while it is down. */
  connection: Pick<ChatConnection, 'connected' | 'request'>;
  /**
   * The server stored a message. `started` is the conversation it created for
   * what was written to NEW_CONVERSATION (already moved to it by then).
   */
  delivered: (message: Message, started?: VisitorConversation) => void;
}

export interface OutboxSender {
  /** Writes a message to the outbox and shows it as sending; returns its client id. */
  write(conversationId: string, body: string, attachments: Attachment[], replyTo?: { deliveryId?: string; choice?: BotChoice }): string;
  /** Sends what waits, in order, while connected (a no-op when a flush is already running). */
  flush(): Promise<void>;
  /** Puts a failed message back in the outbox. */
  retry(conversationId: string, clientId: string): void;
  /** Drops a failed message for good. */
  discard(conversationId: string, clientId: string): void;
  /** The server has this message (another tab's outbox may have delivered it): stop resending it. */
  settle(clientId: string): void;
  /** Empties the outbox and its store. */
  forget(): Promise<void>;
}

const RETRYABLE = new Set(['rate_limited', 'internal', 'unavailable']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let orderCounter = 0;

export function outboxSender(opts: OutboxSenderOptions, host: OutboxHost): OutboxSender {
  const store = opts.outbox ?? memoryOutboxStore();
  let records: OutboxRecord[] = [];
  let flushing = false;
  const thread = (conversationId: string) => host.state().threads[conversationId] ?? [];
  const setThread = (conversationId: string, items: ThreadItem[]) => host.update({ threads: { ...host.state().threads, [conversationId]: items } });

  const restored = (async () => {
    const saved = await store.load().catch(() => [] as OutboxRecord[]);
    const known = new Set(records.map((r) => r.clientId));
    for (const record of saved) {
      if (known.has(record.clientId)) continue;
      records.push(record);
      const item = pendingItem(record.clientId, record.body, record.attachments);
      setThread(record.conversationId, [...thread(record.conversationId), record.failed ? { ...item, state: 'failed' } : item]);
    }
    records.sort((a, b) => a.order - b.order);
  })();

  async function flush(): Promise<void> {
    await restored;
    if (flushing) return;
    flushing = true;
    try {
      for (;;) {
        const next = records.find((r) => !r.failed);
        if (!next || !host.connection.connected) break;
        const result = await deliver(next);
        if (result === 'retry') {
          await sleep(500);
          continue;
        }
        // A refused message stays in the outbox, marked failed, until retried or discarded.
        if (result === 'done') {
          records = records.filter((r) => r !== next);
          await store.remove(next.clientId);
        }
      }
    } finally {
      flushing = false;
    }
  }

  async function deliver(entry: OutboxRecord): Promise<'done' | 'failed' | 'retry'> {
    const timeout = opts.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    const starting = entry.conversationId === NEW_CONVERSATION;
    const content = { clientId: entry.clientId, body: entry.body, ...(entry.attachmentIds?.length ? { attachmentIds: entry.attachmentIds } : {}), ...(entry.choice ? { choice: entry.choice } : {}) };
    const response = starting
      ? await host.connection.request<{ conversation: VisitorConversation; message: Message }>(
          'conversation:start',
          { ...content, ...(entry.deliveryId ? { deliveryId: entry.deliveryId } : {}) },
          timeout,
        )
      : await host.connection.request<{ message: Message }>('message:send', { conversationId: entry.conversationId, ...content }, timeout);
    if (!response) return 'retry';
    if (!response.ok) {
      if (RETRYABLE.has(response.error.code)) return 'retry';
      entry.failed = true;
      await store.put(entry);
      setThread(entry.conversationId, setDeliveryState(thread(entry.conversationId), entry.clientId, 'failed'));
      return 'failed';
    }
    if (starting) {
      const { conversation, message } = response.data as { conversation: VisitorConversation; message: Message };
      adopt(conversation.id);
      host.delivered(message, conversation);
    } else {
      host.delivered(response.data.message);
    }
    return 'done';
  }

  /** Moves what was written to NEW_CONVERSATION into the conversation the server created. */
  function adopt(conversationId: string): void {
    const threads = { ...host.state().threads };
    const draft = threads[NEW_CONVERSATION] ?? [];
    delete threads[NEW_CONVERSATION];
    threads[conversationId] = [...(threads[conversationId] ?? []), ...draft];
    for (const r of records) {
      if (r.conversationId === NEW_CONVERSATION) {
        r.conversationId = conversationId;
        void store.put(r);
      }
    }
    host.update({ threads });
  }

  return {
    write(conversationId, body, attachments, replyTo) {
      const clientId = (opts.newClientId ?? (() => crypto.randomUUID()))();
      const record: OutboxRecord = { clientId, body, conversationId, order: Date.now() * 1000 + (orderCounter++ % 1000), failed: false };
      if (replyTo?.deliveryId && conversationId === NEW_CONVERSATION) record.deliveryId = replyTo.deliveryId;
      if (replyTo?.choice) record.choice = replyTo.choice;
      if (attachments.length > 0) {
        record.attachmentIds = attachments.map((a) => a.id);
        record.attachments = attachments;
      }
      records.push(record);
      setThread(conversationId, [...thread(conversationId), pendingItem(clientId, body, attachments)]);
      void store.put(record).then(flush);
      return clientId;
    },
    flush,
    retry(conversationId, clientId) {
      const record = records.find((r) => r.clientId === clientId && r.failed);
      if (!record) return;
      record.failed = false;
      void store.put(record);
      setThread(conversationId, setDeliveryState(thread(conversationId), clientId, 'sending'));
      void flush();
    },
    discard(conversationId, clientId) {
      records = records.filter((r) => !(r.clientId === clientId && r.failed));
      void store.remove(clientId);
      setThread(conversationId, thread(conversationId).filter((i) => !(i.clientId === clientId && i.seq === null)));
    },
    settle(clientId) {
      if (!records.some((r) => r.clientId === clientId)) return;
      records = records.filter((r) => r.clientId !== clientId);
      void store.remove(clientId);
    },
    forget() {
      records = [];
      return store.clear();
    },
  };
}
