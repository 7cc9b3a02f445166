/**
 * The visitor's side of live chat, free of DOM code: the conversation list,
 * loaded threads, the outbox, typing and read state — over whichever transport
 * this tab has (its own socket, or the leader tab's through a relay).
 *
 * Delivery (DESIGN.md §3): each message gets a client id when written, is kept
 * in the outbox store (IndexedDB in browsers) and stays "sending" until the
 * server acks it; the outbox sends one at a time, in order, and resends after a
 * timeout, a reconnect, a leader change or a reload (the server stores a client
 * id once). After every (re)connect the client catches up loaded threads by seq.
 */
import type { Attachment, Message, VisitorConversation } from '../../protocol/index.js';
import { absoluteAttachment, withAbsoluteUrls } from './attachment-urls.js';
import { coalesced } from './coalesced.js';
import { memoryOutboxStore, type OutboxRecord, type OutboxStore } from './outbox-store.js';
import { SocketTransport } from './socket-transport.js';
import { lastStoredSeq, mergeMessages, pendingItem, setDeliveryState, type ThreadItem } from './thread.js';
import { type ChatTransport, HandlerSet, type ServerEvent, type TransportHandlers } from './transport.js';
import { UploadError, uploadFile } from './upload.js';

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
  /** The visitor token now (identify changes it); `token` when not given. */
  currentToken?: () => string | null;
  /** Called when the server refuses our token; resolves to a fresh one (or null). */
  refreshToken?: () => Promise<string | null>;
  /** A conversation was created for the messages written to NEW_CONVERSATION. */
  onConversationStarted?: (conversationId: string) => void;
  newClientId?: () => string;
  ackTimeoutMs?: number;
  outbox?: OutboxStore;
  /** Only for non-browser clients (Node tests, bots): browsers set Origin themselves. */
  extraHeaders?: Record<string, string>;
}

type Listener = (state: ChatState) => void;

const RETRYABLE = new Set(['rate_limited', 'internal', 'unavailable']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let orderCounter = 0;

export class ChatClient {
  state: ChatState = { status: 'connecting', conversations: [], threads: {}, typing: {}, unread: 0 };
  private transport: ChatTransport | null = null;
  private detach: (() => void) | null = null;
  private readonly listeners = new Set<Listener>();
  private outbox: OutboxRecord[] = [];
  private readonly store: OutboxStore;
  private restored: Promise<void>;
  private flushing = false;
  private visible: string | null = null;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private lastAuthRefresh = 0;
  /** Reconnects and messages for unknown conversations both ask for one; bursts share it. */
  private readonly catchUp = coalesced(() => this.catchUpOnce());
  private closed = false;
  /** Other features on this tab's connection (in-app messages). */
  private readonly sharers = new HandlerSet();

  constructor(private readonly opts: ChatClientOptions) {
    this.store = opts.outbox ?? memoryOutboxStore();
    this.restored = this.restoreOutbox();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects this tab's own socket (single tab, leader tab, or a Node client). */
  connect(token = this.opts.token): void {
    this.attach(new SocketTransport({ apiBase: this.opts.apiBase, appId: this.opts.appId, token, extraHeaders: this.opts.extraHeaders }));
  }

  /** Switches transport (leader change); the old one is closed, pending work goes through the new one. */
  attach(transport: ChatTransport): void {
    this.detach?.();
    this.transport?.close();
    this.closed = false;
    this.transport = transport;
    this.detach = transport.subscribe({
      onStatus: (connected) => {
        this.update({ status: connected ? 'online' : 'offline' });
        if (connected) void this.catchUp();
        this.sharers.status(connected);
      },
      onEvent: (event, payload) => {
        this.onServerEvent(event, payload);
        this.sharers.event(event, payload);
      },
      onAuthError: () => void this.recoverAuth(),
    });
    if (transport.connected) {
      this.update({ status: 'online' });
      void this.catchUp();
      this.sharers.status(true);
    }
  }

  /**
   * Lets another feature use this tab's connection, whichever transport it is
   * now (own socket or the leader's relay): its requests, every server event,
   * and each (re)connect. Returns the way to send and the unsubscribe.
   */
  shareConnection(handlers: TransportHandlers): { request: ChatTransport['request']; stop: () => void } {
    const stop = this.sharers.add(handlers);
    if (this.transport?.connected) handlers.onStatus(true);
    return {
      request: (event, payload, timeoutMs) => this.transport?.request(event, payload, timeoutMs) ?? Promise.resolve(null),
      stop,
    };
  }

  /** New identity (identify) or none (shutdown): forget this visitor's state. */
  resetForNewIdentity(): void {
    this.state = { status: this.state.status, conversations: [], threads: this.draftOnly(), typing: {}, unread: 0 };
    this.emit();
    if (this.transport?.connected) void this.catchUp();
  }

  /** Shutdown: nothing of this visitor stays in the browser. */
  async forget(): Promise<void> {
    this.outbox = [];
    this.state = { status: this.state.status, conversations: [], threads: {}, typing: {}, unread: 0 };
    this.emit();
    await this.store.clear();
  }

  close(): void {
    this.closed = true;
    this.detach?.();
    this.transport?.close();
    this.transport = null;
    this.typingTimers.forEach((t) => clearTimeout(t));
  }

  /** Writes a message (with uploads from `upload`); `conversationId` NEW_CONVERSATION starts one. Returns the client id. */
  send(conversationId: string, body: string, attachments: Attachment[] = [], replyTo?: { deliveryId: string }): string {
    const clientId = (this.opts.newClientId ?? (() => crypto.randomUUID()))();
    const record: OutboxRecord = { clientId, body, conversationId, order: Date.now() * 1000 + (orderCounter++ % 1000), failed: false };
    if (replyTo && conversationId === NEW_CONVERSATION) record.deliveryId = replyTo.deliveryId;
    if (attachments.length > 0) {
      record.attachmentIds = attachments.map((a) => a.id);
      record.attachments = attachments;
    }
    this.outbox.push(record);
    this.setThread(conversationId, [...(this.state.threads[conversationId] ?? []), pendingItem(clientId, body, attachments)]);
    void this.store.put(record).then(() => this.flush());
    return clientId;
  }

  /**
   * Uploads a file to send with a message; rejects with an UploadError
   * (`payload_too_large`, `unsupported_media_type`, `network`…). A refused
   * token is refreshed once, as the socket does.
   */
  async upload(file: Blob, name: string): Promise<Attachment> {
    const token = () => this.opts.currentToken?.() ?? this.opts.token;
    try {
      return absoluteAttachment(await uploadFile(this.opts.apiBase, token(), file, name), this.opts.apiBase);
    } catch (err) {
      if (!(err instanceof UploadError && err.code === 'unauthorized' && this.opts.refreshToken)) throw err;
      const fresh = await this.opts.refreshToken().catch(() => null);
      if (!fresh) throw err;
      return absoluteAttachment(await uploadFile(this.opts.apiBase, fresh, file, name), this.opts.apiBase);
    }
  }

  /** CSAT after close: rates a closed conversation; resolves whether the server took it. */
  async rate(conversationId: string, rating: number, comment?: string): Promise<boolean> {
    const res = await this.transport?.request<{ conversation: VisitorConversation }>('conversation:rate', { conversationId, rating, ...(comment ? { comment } : {}) }, this.opts.ackTimeoutMs ?? 8_000);
    if (res?.ok) this.upsertConversation(res.data.conversation);
    return res?.ok ?? false;
  }

  /** Puts a failed message back in the outbox. */
  retry(conversationId: string, clientId: string): void {
    const record = this.outbox.find((r) => r.clientId === clientId && r.failed);
    if (!record) return;
    record.failed = false;
    void this.store.put(record);
    this.setThread(conversationId, setDeliveryState(this.state.threads[conversationId] ?? [], clientId, 'sending'));
    void this.flush();
  }

  /** Drops a failed message for good. */
  discard(conversationId: string, clientId: string): void {
    this.outbox = this.outbox.filter((r) => !(r.clientId === clientId && r.failed));
    void this.store.remove(clientId);
    this.setThread(conversationId, (this.state.threads[conversationId] ?? []).filter((i) => !(i.clientId === clientId && i.seq === null)));
  }

  /** The conversation now on screen: loads it and keeps it read. */
  async open(conversationId: string | null): Promise<void> {
    this.visible = conversationId;
    if (!conversationId || conversationId === NEW_CONVERSATION) return;
    if (!this.state.threads[conversationId]?.some((i) => i.seq !== null)) await this.sync(conversationId);
    this.markRead(conversationId);
  }

  markRead(conversationId: string): void {
    const conv = this.state.conversations.find((c) => c.id === conversationId);
    if (!conv || conv.lastSeq <= conv.visitorReadSeq || !this.transport?.connected) return;
    this.transport.notify('read', { conversationId, seq: conv.lastSeq });
    this.patchConversation(conversationId, (c) => ({ ...c, visitorReadSeq: c.lastSeq, unread: 0 }));
  }

  setTyping(conversationId: string, typing: boolean): void {
    if (conversationId === NEW_CONVERSATION || !this.transport?.connected) return;
    this.transport.notify('typing', { conversationId, typing });
  }

  // ——— internals ———

  private async restoreOutbox(): Promise<void> {
    const saved = await this.store.load().catch(() => [] as OutboxRecord[]);
    const known = new Set(this.outbox.map((r) => r.clientId));
    for (const record of saved) {
      if (known.has(record.clientId)) continue;
      this.outbox.push(record);
      const item = pendingItem(record.clientId, record.body, record.attachments);
      this.setThread(record.conversationId, [...(this.state.threads[record.conversationId] ?? []), record.failed ? { ...item, state: 'failed' } : item]);
    }
    this.outbox.sort((a, b) => a.order - b.order);
  }

  private onServerEvent(event: ServerEvent, payload: unknown): void {
    if (event === 'message:new') this.receive([payload as Message]);
    else if (event === 'conversation:updated') this.upsertConversation(payload as VisitorConversation);
    else if (event === 'typing') {
      const t = payload as { conversationId: string; typing: boolean; name: string | null };
      this.showTyping(t.conversationId, t.typing ? (t.name ?? '') : null);
    } else if (event === 'read') {
      const r = payload as { conversationId: string; seq: number };
      this.patchConversation(r.conversationId, (c) => ({ ...c, agentReadSeq: Math.max(c.agentReadSeq, r.seq) }));
    }
  }

  private async recoverAuth(): Promise<void> {
    if (this.closed || !this.opts.refreshToken || Date.now() - this.lastAuthRefresh < 10_000) return;
    this.lastAuthRefresh = Date.now();
    const fresh = await this.opts.refreshToken().catch(() => null);
    if (fresh && !this.closed) this.connect(fresh);
  }

  private async catchUpOnce(): Promise<void> {
    const list = await this.request<{ conversations: VisitorConversation[] }>('conversations:list', {});
    if (list) {
      this.update({ conversations: sortConversations(list.conversations) });
      this.recountUnread();
    }
    for (const id of Object.keys(this.state.threads)) {
      if (id !== NEW_CONVERSATION && this.state.conversations.some((c) => c.id === id)) await this.sync(id);
    }
    if (this.visible) this.markRead(this.visible);
    await this.flush();
  }

  /** Fetches everything after the last stored seq of a thread (or after `from`), page by page. */
  private async sync(conversationId: string, from?: number): Promise<void> {
    for (let guard = 0; guard < 100; guard++) {
      const after = guard === 0 && from !== undefined ? from : lastStoredSeq(this.state.threads[conversationId] ?? []);
      const page = await this.request<{ messages: Message[]; lastSeq: number }>('messages:sync', { conversationId, afterSeq: after });
      if (!page) return;
      this.setThread(conversationId, mergeMessages(this.state.threads[conversationId] ?? [], page.messages.map((m) => withAbsoluteUrls(m, this.opts.apiBase))));
      if (page.messages.length === 0 || page.messages[page.messages.length - 1].seq >= page.lastSeq) return;
    }
  }

  private async flush(): Promise<void> {
    await this.restored;
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        const next = this.outbox.find((r) => !r.failed);
        if (!next || !this.transport?.connected) break;
        const result = await this.deliver(next);
        if (result === 'retry') {
          await sleep(500);
          continue;
        }
        // A refused message stays in the outbox, marked failed, until retried or discarded.
        if (result === 'done') {
          this.outbox = this.outbox.filter((r) => r !== next);
          await this.store.remove(next.clientId);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async deliver(entry: OutboxRecord): Promise<'done' | 'failed' | 'retry'> {
    const timeout = this.opts.ackTimeoutMs ?? 8_000;
    const starting = entry.conversationId === NEW_CONVERSATION;
    const content = { clientId: entry.clientId, body: entry.body, ...(entry.attachmentIds?.length ? { attachmentIds: entry.attachmentIds } : {}) };
    const response = starting
      ? await this.transport?.request<{ conversation: VisitorConversation; message: Message }>(
          'conversation:start',
          { ...content, ...(entry.deliveryId ? { deliveryId: entry.deliveryId } : {}) },
          timeout,
        )
      : await this.transport?.request<{ message: Message }>('message:send', { conversationId: entry.conversationId, ...content }, timeout);
    if (!response) return 'retry';
    if (!response.ok) {
      if (RETRYABLE.has(response.error.code)) return 'retry';
      entry.failed = true;
      await this.store.put(entry);
      this.setThread(entry.conversationId, setDeliveryState(this.state.threads[entry.conversationId] ?? [], entry.clientId, 'failed'));
      return 'failed';
    }
    if (starting) {
      const { conversation, message } = response.data as { conversation: VisitorConversation; message: Message };
      this.adoptNewConversation(conversation);
      this.receive([message]);
      // It opened with a message before ours (a reply to an in-app message): fetch it.
      if (message.seq > 1) void this.sync(conversation.id, 0);
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
    for (const r of this.outbox) {
      if (r.conversationId === NEW_CONVERSATION) {
        r.conversationId = conversation.id;
        void this.store.put(r);
      }
    }
    this.update({ threads });
    this.upsertConversation(conversation);
    if (this.visible === NEW_CONVERSATION) this.visible = conversation.id;
    this.opts.onConversationStarted?.(conversation.id);
  }

  private receive(messages: Message[]): void {
    for (const m of messages.map((x) => withAbsoluteUrls(x, this.opts.apiBase))) {
      const thread = this.state.threads[m.conversationId];
      if (!this.state.conversations.some((c) => c.id === m.conversationId)) void this.catchUp();
      if (!thread) continue;
      const gap = m.seq > lastStoredSeq(thread) + 1;
      this.setThread(m.conversationId, mergeMessages(thread, [m]));
      if (gap) void this.sync(m.conversationId);
      if (m.authorType !== 'visitor') this.showTyping(m.conversationId, null);
      // Another tab's outbox may have delivered one of ours: stop resending it.
      if (this.outbox.some((r) => r.clientId === m.clientId)) {
        this.outbox = this.outbox.filter((r) => r.clientId !== m.clientId);
        void this.store.remove(m.clientId);
      }
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

  private draftOnly(): Record<string, ThreadItem[]> {
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
    const r = await this.transport?.request<T>(event, payload, this.opts.ackTimeoutMs ?? 8_000);
    return r && r.ok ? r.data : null;
  }
}

function sortConversations(list: VisitorConversation[]): VisitorConversation[] {
  return [...list].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
