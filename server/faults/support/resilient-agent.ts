/**
 * An inbox agent for fault tests, with the same delivery rules as the
 * visitor (resilient-visitor.ts): replies keep their client id until acked,
 * one in flight at a time, resent after a timeout or a retryable error; the
 * conversations it follows are caught up by `seq` after every reconnect and
 * when a pushed message arrives past a gap. One node URL; Socket.IO's own
 * reconnection brings the socket back.
 */
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Ack, Message, SyncResult } from '../../../protocol/index.js';
import type { AgentSocket } from '../../test-support/test-server.js';

interface Reply {
  conversationId: string;
  clientId: string;
  body: string;
}

const RETRYABLE = new Set(['rate_limited', 'internal', 'unavailable']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ResilientAgent {
  readonly socket: AgentSocket;
  /** conversation → its messages by seq, as this agent has them. */
  readonly threads = new Map<string, Map<number, Message>>();
  readonly written: Reply[] = [];
  readonly acked = new Map<string, { id: string; seq: number }>();
  readonly refused: { clientId: string; code: string }[] = [];
  /** Messages pushed live (message:new), in arrival order, for "is live delivery back?" checks. */
  readonly pushed: Message[] = [];

  private readonly outbox: Reply[] = [];
  private flushing = false;
  private drained: (() => void)[] = [];

  constructor(url: string, cookie: string, opts: { ackTimeoutMs?: number } = {}) {
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 3_000;
    this.socket = io(`${url}/agent`, {
      transports: ['websocket'],
      extraHeaders: { origin: url, cookie },
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
    });
    this.socket.on('connect', () => {
      void Promise.all([...this.threads.keys()].map((id) => this.catchUp(id))).then(() => this.flush());
    });
    this.socket.on('message:new', (m) => {
      this.pushed.push(m);
      const thread = this.threads.get(m.conversationId);
      if (!thread) return;
      const before = contiguous(thread);
      thread.set(m.seq, m);
      if (m.seq > before + 1) void this.catchUp(m.conversationId);
    });
  }

  private readonly ackTimeoutMs: number;

  /** Starts keeping `conversationId` complete (and fetches what it has so far). */
  follow(conversationId: string): Promise<void> {
    if (!this.threads.has(conversationId)) this.threads.set(conversationId, new Map());
    return this.catchUp(conversationId);
  }

  thread(conversationId: string): Message[] {
    return [...(this.threads.get(conversationId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
  }

  send(conversationId: string, body: string): string {
    const reply = { conversationId, clientId: `fault-agent-${randomUUID()}`, body };
    this.written.push(reply);
    this.outbox.push(reply);
    void this.flush();
    return reply.clientId;
  }

  whenSent(): Promise<void> {
    if (this.outbox.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  async catchUp(conversationId: string): Promise<void> {
    const thread = this.threads.get(conversationId);
    if (!thread) return;
    let after = contiguous(thread);
    for (let page = 0; page < 100; page++) {
      const res = await this.request<SyncResult>('messages:sync', { conversationId, afterSeq: after });
      if (!res?.ok) return;
      for (const m of res.data.messages) thread.set(m.seq, m);
      const last = res.data.messages.at(-1);
      if (!last || last.seq >= res.data.lastSeq) return;
      after = last.seq;
    }
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private async request<T>(event: 'message:send' | 'messages:sync', payload: unknown): Promise<Ack<T> | null> {
    if (!this.socket.connected) return null;
    const emitter = this.socket.timeout(this.ackTimeoutMs) as unknown as { emitWithAck(ev: string, p: unknown): Promise<Ack<T>> };
    return emitter.emitWithAck(event, payload).catch(() => null);
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.socket.connected) {
        const next = this.outbox[0];
        const res = await this.request<{ message: Message }>('message:send', next);
        if (!res || (!res.ok && RETRYABLE.has(res.error.code))) {
          await sleep(100);
          continue;
        }
        if (res.ok) {
          this.acked.set(next.clientId, { id: res.data.message.id, seq: res.data.message.seq });
          this.threads.get(next.conversationId)?.set(res.data.message.seq, res.data.message);
        } else {
          this.refused.push({ clientId: next.clientId, code: res.error.code });
        }
        this.outbox.shift();
      }
      if (this.outbox.length === 0) this.drained.splice(0).forEach((resolve) => resolve());
    } finally {
      this.flushing = false;
    }
  }
}

function contiguous(thread: ReadonlyMap<number, Message>): number {
  let seq = 0;
  while (thread.has(seq + 1)) seq += 1;
  return seq;
}
