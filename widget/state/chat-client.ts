/**
 * The visitor's side of live chat, free of DOM code: one socket, the
 * conversation list, loaded threads, an outbox, typing and read state.
 *
 * Delivery (DESIGN.md §3): each message gets a client id when written and stays
 * "sending" until the server acks it; the outbox sends one at a time, in order,
 * and resends after a timeout or reconnect (the server stores a client id once).
 * After every (re)connect the client catches up each loaded thread by seq.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  Message,
  VisitorClientToServerEvents,
  VisitorConversation,
  VisitorServerToClientEvents,
} from '../../protocol/index.js';
import { lastStoredSeq, mergeMessages, pendingItem, setDeliveryState, type ThreadItem } from './thread.js';

export const NEW_CONVERSATION = 'new';

export interface ChatState {
  status: 'connecting' | 'online' | 'offline';
  conversations: VisitorConversation[];
  threads: Record<string, ThreadItem[]>;
  /** conversationId → name of the agent typing ('' when unnamed); absent when nobody types. */
  typing: Record<string, string>;
  unread: number;
}

export interface ChatClientOptions {
  apiBase: string;
  appId: string;
  token: string;
  /** Called when the server refuses our token; resolves to a fresh one (or null). */
  refreshToken?: () => Promise<string | null>;
  /** A conversation was created for the messages written to NEW_CONVERSATION. */
  onConversationStarted?: (conversationId: string) => void;
  newClientId?: () => string;
  ackTimeoutMs?: number;
  /** Only for non-browser clients (Node tests, bots): browsers set Origin themselves. */
  extraHeaders?: Record<string, string>;
}

interface OutboxEntry {
  clientId: string;
  body: string;
  /** NEW_CONVERSATION until the conversation exists. */
  conversationId: string;
}

type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
type Listener = (state: ChatState) => void;

const RETRYABLE = new Set(['rate_limited', 'internal', 'unavailable']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ChatClient {
  state: ChatState = { status: 'connecting', conversations: [], threads: {}, typing: {}, unread: 0 };
  private socket: VisitorSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private outbox: OutboxEntry[] = [];
  private flushing = false;
  private visible: string | null = null;
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private lastAuthRefresh = 0;
  private closed = false;

  constructor(private readonly opts: ChatClientOptions) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connect(token = this.opts.token): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.closed = false;
    const socket: VisitorSocket = io(`${this.opts.apiBase}/visitor`, {
      auth: { token },
      query: { appId: this.opts.appId },
      transports: ['websocket'],
      reconnectionDelayMax: 10_000,
      ...(this.opts.extraHeaders ? { extraHeaders: this.opts.extraHeaders } : {}),
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.update({ status: 'online' });
      void this.catchUp();
    });
    socket.on('disconnect', () => this.update({ status: 'offline' }));
    socket.on('connect_error', (err) => {
      this.update({ status: 'offline' });
      // Middleware refusals are not retried by Socket.IO: get a fresh token, then reconnect.
      if (!socket.active) void this.recoverAuth(err.message);
    });
    socket.on('message:new', (m) => this.receive([m]));
    socket.on('conversation:updated', (c) => this.upsertConversation(c));
    socket.on('typing', (t) => this.showTyping(t.conversationId, t.typing ? (t.name ?? '') : null));
    socket.on('read', (r) => this.patchConversation(r.conversationId, (c) => ({ ...c, agentReadSeq: Math.max(c.agentReadSeq, r.seq) })));
  }

  /** New identity (identify) or none (shutdown): start over with the new token. */
  setToken(token: string | null): void {
    this.state = { status: 'connecting', conversations: [], threads: this.pendingOnly(), typing: {}, unread: 0 };
    this.emit();
    if (token) this.connect(token);
    else this.close();
  }

  close(): void {
    this.closed = true;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.typingTimers.forEach((t) => clearTimeout(t));
  }

  /** Writes a message; `conversationId` NEW_CONVERSATION starts one. Returns the client id. */
  send(conversationId: string, body: string): string {
    const clientId = (this.opts.newClientId ?? (() => crypto.randomUUID()))();
    this.outbox.push({ clientId, body, conversationId });
    this.setThread(conversationId, [...(this.state.threads[conversationId] ?? []), pendingItem(clientId, body)]);
    void this.flush();
    return clientId;
  }

  /** Puts a failed message back in the outbox. */
  retry(conversationId: string, clientId: string): void {
    const item = this.state.threads[conversationId]?.find((i) => i.clientId === clientId && i.state === 'failed');
    if (!item) return;
    this.outbox.push({ clientId, body: item.body, conversationId });
    this.setThread(conversationId, setDeliveryState(this.state.threads[conversationId], clientId, 'sending'));
    void this.flush();
  }

  /** The conversation now on screen: loads it and keeps it read. */
  async open(conversationId: string | null): Promise<void> {
    this.visible = conversationId;
    if (!conversationId || conversationId === NEW_CONVERSATION) return;
    if (!this.state.threads[conversationId]) await this.sync(conversationId);
    this.markRead(conversationId);
  }

  markRead(conversationId: string): void {
    const conv = this.state.conversations.find((c) => c.id === conversationId);
    if (!conv || conv.lastSeq <= conv.visitorReadSeq || !this.socket?.connected) return;
    this.socket.emit('read', { conversationId, seq: conv.lastSeq });
    this.patchConversation(conversationId, (c) => ({ ...c, visitorReadSeq: c.lastSeq, unread: 0 }));
  }

  setTyping(conversationId: string, typing: boolean): void {
    if (conversationId === NEW_CONVERSATION || !this.socket?.connected) return;
    this.socket.emit('typing', { conversationId, typing });
  }

  // ——— internals ———

  private async recoverAuth(reason: string): Promise<void> {
    if (this.closed || !this.opts.refreshToken || Date.now() - this.lastAuthRefresh < 10_000) return;
    if (reason !== 'unauthorized') return;
    this.lastAuthRefresh = Date.now();
    const fresh = await this.opts.refreshToken().catch(() => null);
    if (fresh && !this.closed) this.connect(fresh);
  }

  private async catchUp(): Promise<void> {
    const list = await this.request<{ conversations: VisitorConversation[] }>('conversations:list', {});
    if (list) {
      this.update({ conversations: sortConversations(list.conversations) });
      this.recountUnread();
    }
    for (const id of Object.keys(this.state.threads)) {
      if (id !== NEW_CONVERSATION) await this.sync(id);
    }
    if (this.visible) this.markRead(this.visible);
    await this.flush();
  }

  /** Fetches everything after the last stored seq of a thread, page by page. */
  private async sync(conversationId: string): Promise<void> {
    for (let guard = 0; guard < 100; guard++) {
      const after = lastStoredSeq(this.state.threads[conversationId] ?? []);
      const page = await this.request<{ messages: Message[]; lastSeq: number }>('messages:sync', { conversationId, afterSeq: after });
      if (!page) return;
      this.setThread(conversationId, mergeMessages(this.state.threads[conversationId] ?? [], page.messages));
      if (page.messages.length === 0 || page.messages[page.messages.length - 1].seq >= page.lastSeq) return;
    }
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.socket?.connected) {
        const entry = this.outbox[0];
        const result = await this.deliver(entry);
        if (result === 'retry') {
          await sleep(1_000);
          continue;
        }
        this.outbox.shift();
      }
    } finally {
      this.flushing = false;
    }
  }

  private async deliver(entry: OutboxEntry): Promise<'done' | 'retry'> {
    const starting = entry.conversationId === NEW_CONVERSATION;
    const response = starting
      ? await this.requestRaw<{ conversation: VisitorConversation; message: Message }>('conversation:start', { clientId: entry.clientId, body: entry.body })
      : await this.requestRaw<{ message: Message }>('message:send', { conversationId: entry.conversationId, clientId: entry.clientId, body: entry.body });
    if (response === null) return 'retry';
    if (!response.ok) {
      if (RETRYABLE.has(response.error.code)) return 'retry';
      this.setThread(entry.conversationId, setDeliveryState(this.state.threads[entry.conversationId] ?? [], entry.clientId, 'failed'));
      return 'done';
    }
    if (starting) {
      const { conversation, message } = response.data as { conversation: VisitorConversation; message: Message };
      this.adoptNewConversation(conversation);
      this.receive([message]);
    } else {
      this.receive([response.data.message]);
    }
    return 'done';
  }

  /** Moves what was written to NEW_CONVERSATION into the conversation the server created. */
  private adoptNewConversation(conversation: VisitorConversation): void {
    const draft = this.state.threads[NEW_CONVERSATION] ?? [];
    const threads = { ...this.state.threads };
    delete threads[NEW_CONVERSATION];
    threads[conversation.id] = [...(threads[conversation.id] ?? []), ...draft];
    this.outbox = this.outbox.map((e) => (e.conversationId === NEW_CONVERSATION ? { ...e, conversationId: conversation.id } : e));
    this.update({ threads });
    this.upsertConversation(conversation);
    if (this.visible === NEW_CONVERSATION) this.visible = conversation.id;
    this.opts.onConversationStarted?.(conversation.id);
  }

  private receive(messages: Message[]): void {
    for (const m of messages) {
      const thread = this.state.threads[m.conversationId];
      const known = this.state.conversations.some((c) => c.id === m.conversationId);
      if (!known) void this.catchUp();
      if (!thread) continue;
      const gap = m.seq > lastStoredSeq(thread) + 1;
      this.setThread(m.conversationId, mergeMessages(thread, [m]));
      if (gap) void this.sync(m.conversationId);
      if (m.authorType !== 'visitor') this.showTyping(m.conversationId, null);
    }
  }

  private upsertConversation(conversation: VisitorConversation): void {
    const others = this.state.conversations.filter((c) => c.id !== conversation.id);
    this.update({ conversations: sortConversations([conversation, ...others]) });
    this.recountUnread();
    if (this.visible === conversation.id && conversation.unread > 0) this.markRead(conversation.id);
  }

  private patchConversation(id: string, patch: (c: VisitorConversation) => VisitorConversation): void {
    this.update({ conversations: this.state.conversations.map((c) => (c.id === id ? patch(c) : c)) });
    this.recountUnread();
  }

  private recountUnread(): void {
    const unread = this.state.conversations.reduce((n, c) => n + c.unread, 0);
    if (unread !== this.state.unread) this.update({ unread });
  }

  private showTyping(conversationId: string, name: string | null): void {
    clearTimeout(this.typingTimers.get(conversationId));
    const typing = { ...this.state.typing };
    if (name === null) delete typing[conversationId];
    else {
      typing[conversationId] = name;
      // A lost "stopped typing" must not leave the indicator on forever.
      this.typingTimers.set(conversationId, setTimeout(() => this.showTyping(conversationId, null), 8_000));
    }
    this.update({ typing });
  }

  private pendingOnly(): Record<string, ThreadItem[]> {
    const draft = this.state.threads[NEW_CONVERSATION];
    return draft ? { [NEW_CONVERSATION]: draft } : {};
  }

  private setThread(conversationId: string, items: ThreadItem[]): void {
    this.update({ threads: { ...this.state.threads, [conversationId]: items } });
  }

  private update(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l(this.state));
  }

  private async request<T>(event: 'conversations:list' | 'messages:sync', payload: unknown): Promise<T | null> {
    const r = await this.requestRaw<T>(event, payload);
    return r && r.ok ? r.data : null;
  }

  /** null = no answer in time (offline, server restarting): the caller retries. */
  private requestRaw<T>(event: keyof VisitorClientToServerEvents, payload: unknown): Promise<Ack<T> | null> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      const emitter = socket.timeout(this.opts.ackTimeoutMs ?? 8_000) as unknown as {
        emit(ev: string, p: unknown, cb: (err: Error | null, r: Ack<T>) => void): void;
      };
      emitter.emit(event, payload, (err, response) => resolve(err ? null : response));
    });
  }
}

function sortConversations(list: VisitorConversation[]): VisitorConversation[] {
  return [...list].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
