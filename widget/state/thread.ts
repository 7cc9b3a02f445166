/**
 * A conversation's messages as the UI shows them: stored messages ordered by
 * seq, then the visitor's own pending ones in the order written. Merging is
 * idempotent (by id and client id), which is what makes "shown once" hold when
 * the same message arrives by ack, by broadcast and by catch-up.
 */
import type { Attachment, Message } from '../../protocol/index.js';

export type DeliveryState = 'sent' | 'sending' | 'failed';

export interface ThreadItem {
  /** Server id once stored; the client id until then. */
  key: string;
  clientId: string;
  seq: number | null;
  message: Message | null;
  body: string;
  attachments: Attachment[];
  authorType: Message['authorType'];
  authorName: string | null;
  createdAt: string;
  state: DeliveryState;
}

export function fromMessage(message: Message): ThreadItem {
  return {
    key: message.id,
    clientId: message.clientId,
    seq: message.seq,
    message,
    body: message.body,
    attachments: message.attachments ?? [],
    authorType: message.authorType,
    authorName: message.authorName,
    createdAt: message.createdAt,
    state: 'sent',
  };
}

export function pendingItem(clientId: string, body: string, attachments: Attachment[] = []): ThreadItem {
  return {
    key: clientId,
    clientId,
    seq: null,
    message: null,
    body,
    attachments,
    authorType: 'visitor',
    authorName: null,
    createdAt: new Date().toISOString(),
    state: 'sending',
  };
}

/** Adds stored messages; a stored message replaces the pending item with its client id. */
export function mergeMessages(items: readonly ThreadItem[], incoming: readonly Message[]): ThreadItem[] {
  if (incoming.length === 0) return items as ThreadItem[];
  const byClientId = new Map(incoming.map((m) => [m.clientId, m]));
  const knownIds = new Set(items.filter((i) => i.message).map((i) => i.key));
  const kept = items.filter((i) => !(i.seq === null && byClientId.has(i.clientId)));
  const added = incoming.filter((m) => !knownIds.has(m.id)).map(fromMessage);
  const stored = [...kept.filter((i) => i.seq !== null), ...dedupe(added)].sort((a, b) => (a.seq as number) - (b.seq as number));
  const pending = kept.filter((i) => i.seq === null);
  return [...stored, ...pending];
}

function dedupe(items: ThreadItem[]): ThreadItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
}

export function setDeliveryState(items: readonly ThreadItem[], clientId: string, state: DeliveryState): ThreadItem[] {
  return items.map((i) => (i.clientId === clientId && i.seq === null ? { ...i, state } : i));
}

export function lastStoredSeq(items: readonly ThreadItem[]): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const seq = items[i].seq;
    if (seq !== null) return seq;
  }
  return 0;
}
