/**
 * Delivery of the agent's own messages: every message is resent with the same
 * clientId until the server acknowledges it (the server stores by clientId
 * idempotently, DESIGN.md §3), so a lost ack or a dropped socket can delay a
 * message but never lose or duplicate it. Transport-agnostic: `deliver` is the
 * socket (or REST) call, injected so the retry rules can be tested with fakes.
 *
 * @example
 * const outbox = createOutbox({ deliver, onAcked, onFailed });
 * outbox.enqueue({ conversationId, clientId, body });
 * socket.on('connect', () => outbox.flush());
 */
import type { Message } from '../../protocol/index.js';

export interface OutgoingMessage {
  conversationId: string;
  clientId: string;
  body: string;
}

export type DeliveryOutcome =
  | { ok: true; message: Message }
  /** `retry`: the failure is transient (timeout, offline, 5xx, rate limit); otherwise the message is refused. */
  | { ok: false; retry: boolean; error: string };

export interface OutboxOptions {
  deliver(message: OutgoingMessage): Promise<DeliveryOutcome>;
  onAcked(message: Message, outgoing: OutgoingMessage): void;
  onFailed(outgoing: OutgoingMessage, error: string): void;
  /** First wait before a retry; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface Outbox {
  /** Queues a message; a failed one is retried by enqueueing it again (same clientId). */
  enqueue(message: OutgoingMessage): void;
  /** Sends everything waiting right now, e.g. after the socket reconnects. */
  flush(): void;
  /** Client ids still waiting for an ack. */
  pending(): string[];
  dispose(): void;
}

interface Slot {
  message: OutgoingMessage;
  attempts: number;
  inFlight: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const baseDelay = options.retryDelayMs ?? 500;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  const slots = new Map<string, Slot>();
  let disposed = false;

  function attempt(slot: Slot): void {
    if (disposed || slot.inFlight) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.inFlight = true;
    slot.attempts += 1;
    options.deliver(slot.message).then(
      (outcome) => settle(slot, outcome),
      (cause: unknown) => settle(slot, { ok: false, retry: true, error: String(cause) }),
    );
  }

  function settle(slot: Slot, outcome: DeliveryOutcome): void {
    slot.inFlight = false;
    // A retry() or a dispose() may have replaced or dropped this slot meanwhile.
    if (disposed || slots.get(slot.message.clientId) !== slot) return;
    if (outcome.ok) {
      slots.delete(slot.message.clientId);
      options.onAcked(outcome.message, slot.message);
    } else if (outcome.retry) {
      const delay = Math.min(baseDelay * 2 ** (slot.attempts - 1), maxDelay);
      slot.timer = setTimeout(() => attempt(slot), delay);
    } else {
      slots.delete(slot.message.clientId);
      options.onFailed(slot.message, outcome.error);
    }
  }

  function enqueue(message: OutgoingMessage): void {
    if (disposed || slots.has(message.clientId)) return;
    const slot: Slot = { message, attempts: 0, inFlight: false, timer: null };
    slots.set(message.clientId, slot);
    attempt(slot);
  }

  return {
    enqueue,
    flush() {
      for (const slot of slots.values()) attempt(slot);
    },
    pending: () => [...slots.keys()],
    dispose() {
      disposed = true;
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
      slots.clear();
    },
  };
}
