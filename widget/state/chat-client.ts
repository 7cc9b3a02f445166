/**
 * The visitor's side of live chat, free of DOM code: the conversation list,
 * loaded threads, the outbox, typing and read state — over whichever transport
 * this tab has (its own socket, or the leader tab's through a relay).
 *
 * It composes the parts that do the work: the connection (chat-connection.ts),
 * delivery of what the visitor writes (outbox-sender.ts) and the catch-up that
 * keeps loaded threads complete (thread-sync.ts); it keeps the state they share.
 */
import type { Attachment, BotChoice, Message, VisitorConversation } from '../../protocol/index.js';
import { type ChatConnection, chatConnection } from './chat-connection.js';
import type { ChatState } from './chat-state.js';
import { NEW_CONVERSATION, type OutboxHost, type OutboxSender, outboxSender } from './outbox-sender.js';
import type { OutboxStore } from './outbox-store.js';
import type { ThreadItem } from './thread.js';
import { type ThreadSync, type ThreadSyncHost, threadSync } from './thread-sync.js';
import { ACK_TIMEOUT_MS, type ChatTransport, type ServerEvent, type TransportHandlers } from './transport.js';
import { typingIndicator } from './typing-indicator.js';
import { uploadAttachment } from './upload.js';

export { NEW_CONVERSATION };
export type { ChatState };

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

export class ChatClient {
  state: ChatState = { status: 'connecting', conversations: [], threads: {}, typing: {}, unread: 0 };
  private readonly listeners = new Set<Listener>();
  private readonly connection: ChatConnection;
  private readonly outbox: OutboxSender;
  private readonly threadSync: ThreadSync;
  private visible: string | null = null;
  private readonly typing = typingIndicator(() => this.state.typing, (typing) => this.update({ typing }));

  constructor(private readonly opts: ChatClientOptions) {
    this.connection = chatConnection(opts, {
      onStatus: (connected) => {
        this.update({ status: connected ? 'online' : 'offline' });
        if (connected) void this.threadSync.catchUp();
      },
      onEvent: (event, payload) => this.onServerEvent(event, payload),
    });
    // What the outbox and the catch-up reach of this client: the connection now and the state they keep up to date.
    const host: OutboxHost & ThreadSyncHost = {
      connection: this.connection,
      state: () => this.state,
      update: (patch) => this.update(patch),
      setConversations: (list) => {
        this.update({ conversations: sortConversations(list) });
        this.recountUnread();
      },
      delivered: (message, started) => this.delivered(message, started),
      caughtUp: () => {
        if (this.visible) this.markRead(this.visible);
        return this.outbox.flush();
      },
    };
    this.outbox = outboxSender(opts, host);
    this.threadSync = threadSync(opts, host);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects this tab's own socket (single tab, leader tab, or a Node client). */
  connect(token = this.opts.token): void {
    this.connection.connect(token);
  }

  /** Switches transport (leader change); the old one is closed, pending work goes through the new one. */
  attach(transport: ChatTransport): void {
    this.connection.attach(transport);
  }

  /**
   * Lets another feature use this tab's connection, whichever transport it is
   * now (own socket or the leader's relay): its requests, every server event,
   * and each (re)connect. Returns the way to send and the unsubscribe.
   */
  shareConnection(handlers: TransportHandlers): { request: ChatTransport['request']; stop: () => void } {
    return this.connection.share(handlers);
  }

  /** New identity (identify) or none (shutdown): forget this visitor's state. */
  resetForNewIdentity(): void {
    this.state = { status: this.state.status, conversations: [], threads: this.draftOnly(), typing: {}, unread: 0 };
    this.emit();
    if (this.connection.connected) void this.threadSync.catchUp();
  }

  /** Shutdown: nothing of this visitor stays in the browser. */
  async forget(): Promise<void> {
    this.state = { status: this.state.status, conversations: [], threads: {}, typing: {}, unread: 0 };
    this.emit();
    await this.outbox.forget();
  }

  close(): void {
    this.connection.close();
    this.typing.stop();
  }

  /**
   * Writes a message (with uploads from `upload`); `conversationId` NEW_CONVERSATION starts one. Returns the client id.
   * `replyTo`: the in-app message a new conversation answers, or the bot's buttons this message answers.
   */
  send(conversationId: string, body: string, attachments: Attachment[] = [], replyTo?: { deliveryId?: string; choice?: BotChoice }): string {
    return this.outbox.write(conversationId, body, attachments, replyTo);
  }

  /**
   * Uploads a file to send with a message; rejects with an UploadError
   * (`payload_too_large`, `unsupported_media_type`, `network`…). A refused
   * token is refreshed once, as the socket does.
   */
  async upload(file: Blob, name: string): Promise<Attachment> {
    return uploadAttachment(this.opts.apiBase, this.opts.currentToken?.() ?? this.opts.token, file, name, this.opts.refreshToken);
  }

  /** CSAT after close: rates a closed conversation; resolves whether the server took it. */
  async rate(conversationId: string, rating: number, comment?: string): Promise<boolean> {
    const res = await this.connection.request<{ conversation: VisitorConversation }>('conversation:rate', { conversationId, rating, ...(comment ? { comment } : {}) }, this.opts.ackTimeoutMs ?? ACK_TIMEOUT_MS);
    if (res?.ok) this.upsertConversation(res.data.conversation);
    return res?.ok ?? false;
  }

  /** Puts a failed message back in the outbox. */
  retry(conversationId: string, clientId: string): void {
    this.outbox.retry(conversationId, clientId);
  }

  /** Drops a failed message for good. */
  discard(conversationId: string, clientId: string): void {
    this.outbox.discard(conversationId, clientId);
  }

  /** The conversation now on screen: loads it and keeps it read. */
  async open(conversationId: string | null): Promise<void> {
    this.visible = conversationId;
    if (!conversationId || conversationId === NEW_CONVERSATION) return;
    if (!this.state.threads[conversationId]?.some((i) => i.seq !== null)) await this.threadSync.sync(conversationId);
    this.markRead(conversationId);
  }

  markRead(conversationId: string): void {
    const conv = this.state.conversations.find((c) => c.id === conversationId);
    if (!conv || conv.lastSeq <= conv.visitorReadSeq || !this.connection.connected) return;
    this.connection.notify('read', { conversationId, seq: conv.lastSeq });
    this.patchConversation(conversationId, (c) => ({ ...c, visitorReadSeq: c.lastSeq, unread: 0 }));
  }

  setTyping(conversationId: string, typing: boolean): void {
    if (conversationId === NEW_CONVERSATION || !this.connection.connected) return;
    this.connection.notify('typing', { conversationId, typing });
  }

  // ——— internals ———

  private onServerEvent(event: ServerEvent, payload: unknown): void {
    if (event === 'message:new') this.receive(payload as Message);
    else if (event === 'conversation:updated') this.upsertConversation(payload as VisitorConversation);
    else if (event === 'typing') {
      const t = payload as { conversationId: string; typing: boolean; name: string | null };
      this.typing.show(t.conversationId, t.typing ? (t.name ?? '') : null);
    } else if (event === 'read') {
      const r = payload as { conversationId: string; seq: number };
      this.patchConversation(r.conversationId, (c) => ({ ...c, agentReadSeq: Math.max(c.agentReadSeq, r.seq) }));
    }
  }

  /** The server stored a message from the outbox; `started` is the conversation it created for it. */
  private delivered(message: Message, started?: VisitorConversation): void {
    if (started) {
      this.upsertConversation(started);
      if (this.visible === NEW_CONVERSATION) this.visible = started.id;
      this.opts.onConversationStarted?.(started.id);
    }
    this.receive(message);
    // It opened with a message before ours (a reply to an in-app message): fetch it.
    if (started && message.seq > 1) void this.threadSync.sync(started.id, 0);
  }

  private receive(m: Message): void {
    if (!this.threadSync.merge(m)) return;
    if (m.authorType !== 'visitor') this.typing.show(m.conversationId, null);
    // Another tab's outbox may have delivered one of ours: stop resending it.
    this.outbox.settle(m.clientId);
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

  private draftOnly(): Record<string, ThreadItem[]> {
    const draft = this.state.threads[NEW_CONVERSATION];
    return draft ? { [NEW_CONVERSATION]: draft } : {};
  }

  private update(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l(this.state));
  }
}

function sortConversations(list: VisitorConversation[]): VisitorConversation[] {
  return [...list].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
