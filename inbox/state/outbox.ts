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
  /** Uploads sent with the message (from `uploadAttachment`). */
  attachmentIds?: string[];
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
  /**
   * Sends everything unacked right now, in flight or not: after a reconnect an
   * ack for a request sent on the old connection will never come.
   */
  flush(): void;
  /** Client ids still waiting for an ack. */
  pending(): string[];
  dispose(): void;
}

interface Slot {
  message: OutgoingMessage;
  attempts: number;
  /** Id of the latest attempt; failures of older attempts are stale and ignored. */
  latest: number;
  inFlight: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const baseDelay = options.retryDelayMs ?? 500;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  const slots = new Map<string, Slot>();
  let disposed = false;

  function attempt(slot: Slot, force = false): void {
    if (disposed || (slot.inFlight && !force)) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.inFlight = true;
    slot.attempts += 1;
    const id = ++slot.latest;
    options.deliver(slot.message).then(
      (outcome) => settle(slot, id, outcome),
      (cause: unknown) => settle(slot, id, { ok: false, retry: true, error: String(cause) }),
    );
  }

  function settle(slot: Slot, id: number, outcome: DeliveryOutcome): void {
    // Already acked (by another attempt) or disposed: nothing left to do.
    if (disposed || slots.get(slot.message.clientId) !== slot) return;
    if (outcome.ok) {
      // Any attempt's ack will do: they all carry the same clientId.
      slots.delete(slot.message.clientId);
      options.onAcked(outcome.message, slot.message);
      return;
    }
    if (id !== slot.latest) return;
    slot.inFlight = false;
    if (outcome.retry) {
      const delay = Math.min(baseDelay * 2 ** (slot.attempts - 1), maxDelay);
      slot.timer = setTimeout(() => attempt(slot), delay);
    } else {
      slots.delete(slot.message.clientId);
      options.onFailed(slot.message, outcome.error);
    }
  }

  function enqueue(message: OutgoingMessage): void {
    if (disposed || slots.has(message.clientId)) return;
    const slot: Slot = { message, attempts: 0, latest: 0, inFlight: false, timer: null };
    slots.set(message.clientId, slot);
    attempt(slot);
  }

  return {
    enqueue,
    flush() {
      for (const slot of slots.values()) attempt(slot, true);
    },
    pending: () => [...slots.keys()],
    dispose() {
      disposed = true;
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
      slots.clear();
    },
  };
}
