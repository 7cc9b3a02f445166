/**
 * Keeps the loaded threads complete (DESIGN.md §3). After every (re)connect the
 * client catches up: the conversation list, then each loaded thread after its
 * last stored seq, page by page. A message that arrives past a gap starts a
 * sync of its thread; one for a conversation we don't know yet asks for a catch-up.
 *
 * The threads and conversations live in the chat client's state.
 */
import type { Message, VisitorConversation } from '../../protocol/index.js';
import { withAbsoluteUrls } from './attachment-urls.js';
import type { ChatConnection } from './chat-connection.js';
import type { ChatStateAccess } from './chat-state.js';
import { coalesced } from './coalesced.js';
import { NEW_CONVERSATION } from './outbox-sender.js';
import { lastStoredSeq, mergeMessages, type ThreadItem } from './thread.js';
import { ACK_TIMEOUT_MS } from './transport.js';

/** The chat client's options it reads. */
export interface ThreadSyncOptions {
  apiBase: string;
  ackTimeoutMs?: number;
}

/** What it reaches of the chat client. */
export interface ThreadSyncHost extends ChatStateAccess {
  /** While it is down a catch-up or sync does nothing. */
  connection: Pick<ChatConnection, 'request'>;
  setConversations: (list: VisitorConversation[]) => void;
  /** The end of each catch-up: the client marks what is on screen read and sends what waits. */
  caughtUp: () => Promise<void>;
}

export interface ThreadSync {
  /** Reconnects and messages for unknown conversations both ask for one; bursts share it. */
  catchUp(): Promise<void>;
  /** Fetches everything after the last stored seq of a thread (or after `from`), page by page. */
  sync(conversationId: string, from?: number): Promise<void>;
  /** Merges an arriving message into its thread (false when that thread isn't loaded). */
  merge(message: Message): boolean;
}

export function threadSync(opts: ThreadSyncOptions, host: ThreadSyncHost): ThreadSync {
  const thread = (conversationId: string) => host.state().threads[conversationId] ?? [];
  const setThread = (conversationId: string, items: ThreadItem[]) => host.update({ threads: { ...host.state().threads, [conversationId]: items } });
  const known = (conversationId: string) => host.state().conversations.some((c) => c.id === conversationId);

  async function request<T>(event: 'conversations:list' | 'messages:sync', payload: unknown): Promise<T | null> {
    const r = await host.connection.request<T>(event, payload, opts.ackTimeoutMs ?? ACK_TIMEOUT_MS);
    return r && r.ok ? r.data : null;
  }

  async function sync(conversationId: string, from?: number): Promise<void> {
    // Pages follow each other from where the last one ended, not from the thread's last stored
    // seq: a message that arrived past a gap is already in the thread, and the gap is before it.
    let after = from ?? lastStoredSeq(thread(conversationId));
    for (let guard = 0; guard < 100; guard++) {
      const page = await request<{ messages: Message[]; lastSeq: number }>('messages:sync', { conversationId, afterSeq: after });
      if (!page) return;
      setThread(conversationId, mergeMessages(thread(conversationId), page.messages.map((m) => withAbsoluteUrls(m, opts.apiBase))));
      if (page.messages.length === 0 || page.messages[page.messages.length - 1].seq >= page.lastSeq) return;
      after = page.messages[page.messages.length - 1].seq;
    }
  }

  const catchUp = coalesced(async () => {
    const list = await request<{ conversations: VisitorConversation[] }>('conversations:list', {});
    if (list) host.setConversations(list.conversations);
    for (const id of Object.keys(host.state().threads)) {
      if (id !== NEW_CONVERSATION && known(id)) await sync(id);
    }
    await host.caughtUp();
  });

  return {
    catchUp,
    sync,
    merge(message) {
      const m = withAbsoluteUrls(message, opts.apiBase);
      const loaded = host.state().threads[m.conversationId];
      if (!known(m.conversationId)) void catchUp();
      if (!loaded) return false;
      const before = lastStoredSeq(loaded);
      setThread(m.conversationId, mergeMessages(loaded, [m]));
      // Past a gap: fetch what is missing, from before the gap.
      if (m.seq > before + 1) void sync(m.conversationId, before);
      return true;
    },
  };
}
