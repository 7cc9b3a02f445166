/**
 * A follower tab's transport: requests go to the leader tab over the channel and
 * come back with the leader's ack; server events arrive as the leader relays them.
 * When the leader changes, requests still waiting are answered null at once so the
 * outbox resends them through the new leader (the server keeps each client id once).
 */
import type { Ack } from '../../protocol/index.js';
import type { TabChannel, TabMessage } from './tab-messages.js';
import { type ChatTransport, HandlerSet, type NotifyEvent, type RequestEvent, type TransportHandlers } from './transport.js';

export class RelayTransport implements ChatTransport {
  connected = false;
  private readonly handlers = new HandlerSet();
  private readonly pending = new Map<number, { resolve: (r: Ack<unknown> | null) => void; timer: ReturnType<typeof setTimeout> }>();
  private nextId = 1;
  private leader: string | null = null;
  private readonly stopListening: () => void;

  constructor(
    private readonly channel: TabChannel,
    private readonly tabId: string,
  ) {
    this.stopListening = channel.listen((m) => this.onMessage(m));
    channel.post({ t: 'hello', from: tabId });
  }

  subscribe(handlers: TransportHandlers): () => void {
    return this.handlers.add(handlers);
  }

  request<T>(event: RequestEvent, payload: unknown, timeoutMs: number): Promise<Ack<T> | null> {
    if (!this.connected) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, null), timeoutMs);
      this.pending.set(id, { resolve: resolve as (r: Ack<unknown> | null) => void, timer });
      this.channel.post({ t: 'req', from: this.tabId, id, event, payload, timeoutMs });
    });
  }

  notify(event: NotifyEvent, payload: unknown): void {
    this.channel.post({ t: 'notify', event, payload });
  }

  close(): void {
    this.stopListening();
    for (const id of [...this.pending.keys()]) this.settle(id, null);
  }

  private onMessage(m: TabMessage): void {
    if (m.t === 'res' && m.to === this.tabId) this.settle(m.id, m.response);
    else if (m.t === 'evt') this.handlers.event(m.event, m.payload);
    else if (m.t === 'status') {
      if (this.leader !== null && this.leader !== m.from) {
        // A new leader: nothing the old one was doing for us will be answered.
        for (const id of [...this.pending.keys()]) this.settle(id, null);
      }
      this.leader = m.from;
      if (m.connected !== this.connected) {
        this.connected = m.connected;
        this.handlers.status(m.connected);
      }
    }
  }

  private settle(id: number, response: Ack<unknown> | null): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    p.resolve(response);
  }
}
