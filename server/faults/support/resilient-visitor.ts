/**
 * A lightweight visitor for fault tests with hundreds of clients, following
 * the widget's delivery rules (widget/state/outbox-sender.ts, thread-sync.ts)
 * without its UI state:
 * - every message gets its client id when written and stays in the outbox
 *   until the server acks it; one in flight at a time, in the order written;
 * - no answer (timeout, socket gone) or a retryable error: the same client id
 *   is sent again, which the server stores once;
 * - after every (re)connect, and when a pushed message arrives past a gap, it
 *   catches up by `seq` (`messages:sync`).
 * Unlike the widget it knows several node URLs and fails over to the next one
 * when its node goes away, as a client behind a load balancer would.
 */
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Ack, Message, SyncResult, VisitorConversation } from '../../../protocol/index.js';
import type { VisitorSocket } from '../../test-support/test-server.js';

export interface ResilientVisitorOptions {
  urls: readonly string[];
  token: string;
  /** The Origin header (Node clients set it themselves). */
  origin: string;
  /** Which of `urls` to try first. */
  firstUrl?: number;
  ackTimeoutMs?: number;
}

export interface Acked {
  id: string;
  seq: number;
}

interface Pending {
  clientId: string;
  body: string;
}

/** What the widget retries too: the server may say yes on the next try. */
const RETRYABLE = new Set(['rate_limited', 'internal', 'unavailable']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ResilientVisitor {
  conversationId: string | null = null;
  /** client id → what the server said it stored. */
  readonly acked = new Map<string, Acked>();
  /** Refusals that are not retried (a bug in these tests if any appear). */
  readonly refused: { clientId: string; code: string }[] = [];
  /** What this client has of its conversation, by seq (live pushes and catch-ups merged). */
  readonly thread = new Map<number, Message>();
  /** Messages pushed live (message:new), in arrival order, for "is live delivery back?" checks. */
  readonly pushed: Message[] = [];
  /** Every message written, in the order written. */
  readonly written: Pending[] = [];
  /** How many times it had to connect again (to the same or another node). */
  reconnects = 0;
  /** Error acks seen (retried), by code. */
  readonly errorAcks = new Map<string, number>();

  private readonly outbox: Pending[] = [];
  private socket: VisitorSocket | null = null;
  private urlIndex: number;
  private flushing = false;
  private closed = false;
  private drained: (() => void)[] = [];

  constructor(private readonly opts: ResilientVisitorOptions) {
    this.urlIndex = opts.firstUrl ?? 0;
  }

  /** The node it is connected to now (or trying). */
  get url(): string {
    return this.opts.urls[this.urlIndex % this.opts.urls.length];
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  start(): void {
    this.open();
  }

  write(body: string): string {
    const clientId = `fault-${randomUUID()}`;
    const entry = { clientId, body };
    this.written.push(entry);
    this.outbox.push(entry);
    void this.flush();
    return clientId;
  }

  /** Resolves once everything written so far is acked. */
  whenSent(): Promise<void> {
    if (this.outbox.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Fetches what it missed, page by page, after the last seq it holds without a gap. */
  async catchUp(): Promise<void> {
    const conversationId = this.conversationId;
    if (!conversationId) return;
    let after = this.contiguousSeq();
    for (let page = 0; page < 100; page++) {
      const res = await this.request<SyncResult>('messages:sync', { conversationId, afterSeq: after });
      if (!res?.ok) return;
      for (const m of res.data.messages) this.thread.set(m.seq, m);
      const last = res.data.messages.at(-1);
      if (!last || last.seq >= res.data.lastSeq) return;
      after = last.seq;
    }
  }

  close(): void {
    this.closed = true;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  private contiguousSeq(): number {
    let seq = 0;
    while (this.thread.has(seq + 1)) seq += 1;
    return seq;
  }

  private open(): void {
    if (this.closed) return;
    const socket: VisitorSocket = io(`${this.url}/visitor`, {
      auth: { token: this.opts.token },
      query: { appId: 'demo' },
      transports: ['websocket'],
      extraHeaders: { origin: this.opts.origin },
      // This client picks the next node itself; Socket.IO's own reconnection would stay on one URL.
      reconnection: false,
      forceNew: true,
      timeout: 5_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      void this.catchUp().then(() => this.flush());
    });
    socket.on('message:new', (m) => {
      this.pushed.push(m);
      if (m.conversationId !== this.conversationId) return;
      const before = this.contiguousSeq();
      this.thread.set(m.seq, m);
      // Past a gap (pushes lost while the nodes could not reach each other): fetch what is missing.
      if (m.seq > before + 1) void this.catchUp();
    });
    const lost = () => {
      if (this.socket !== socket || this.closed) return;
      socket.removeAllListeners();
      socket.disconnect();
      this.socket = null;
      this.urlIndex += 1;
      this.reconnects += 1;
      // A little jitter, so two hundred clients of a dead node don't all arrive in the same millisecond.
      setTimeout(() => this.open(), 100 + Math.floor(Math.random() * 300));
    };
    socket.on('disconnect', lost);
    socket.on('connect_error', lost);
  }

  private async request<T>(event: 'conversation:start' | 'message:send' | 'messages:sync', payload: unknown): Promise<Ack<T> | null> {
    const socket = this.socket;
    if (!socket?.connected) return null;
    const emitter = socket.timeout(this.opts.ackTimeoutMs ?? 3_000) as unknown as {
      emitWithAck(ev: string, p: unknown): Promise<Ack<T>>;
    };
    // A timeout, or the socket going away with the request unanswered, both reject: "no answer".
    return emitter.emitWithAck(event, payload).catch(() => null);
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.connected && !this.closed) {
        const next = this.outbox[0];
        const outcome = await this.deliver(next);
        if (outcome === 'retry') {
          await sleep(100);
          continue;
        }
        this.outbox.shift();
      }
      if (this.outbox.length === 0) this.drained.splice(0).forEach((resolve) => resolve());
    } finally {
      this.flushing = false;
    }
  }

  private async deliver(entry: Pending): Promise<'done' | 'retry'> {
    const starting = this.conversationId === null;
    // One shape for both answers: a start also names the conversation it created.
    const res = starting
      ? await this.request<{ conversation?: VisitorConversation; message: Message }>('conversation:start', entry)
      : await this.request<{ conversation?: VisitorConversation; message: Message }>('message:send', { conversationId: this.conversationId, ...entry });
    if (!res) return 'retry';
    if (!res.ok) {
      this.errorAcks.set(res.error.code, (this.errorAcks.get(res.error.code) ?? 0) + 1);
      if (RETRYABLE.has(res.error.code)) return 'retry';
      this.refused.push({ clientId: entry.clientId, code: res.error.code });
      return 'done';
    }
    const { message } = res.data;
    if (starting && res.data.conversation) this.conversationId = res.data.conversation.id;
    this.acked.set(entry.clientId, { id: message.id, seq: message.seq });
    this.thread.set(message.seq, message);
    return 'done';
  }
}
