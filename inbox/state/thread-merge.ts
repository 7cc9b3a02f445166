/**
 * The thread's one hard rule, kept free of DOM and sockets so it can be tested
 * alone: whatever order messages arrive in (REST page, socket push, sync after
 * a reconnect, our own ack), the thread shows each message once, in `seq` order,
 * with our unacknowledged messages after it.
 *
 * A message is the same message when its `id` matches, or — for our own sends,
 * which have no id until acked — when its `clientId` matches.
 */
import type { Attachment, Message } from '../../protocol/index.js';

export type Delivery = 'sending' | 'sent' | 'failed';

export interface ThreadEntry {
  /** Stable across pending → acked so the DOM node (and focus, scroll) survives the ack. */
  key: string;
  message: Message;
  delivery: Delivery;
  /** Why a send failed, shown next to the Retry button. */
  error: string | null;
}

/** A message we are sending: no server id or seq yet. */
export function pendingMessage(input: {
  conversationId: string;
  clientId: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  attachments?: Attachment[];
}): Message {
  return { ...input, attachments: input.attachments ?? [], id: '', seq: 0, authorType: 'agent' };
}

export function isPending(entry: ThreadEntry): boolean {
  return entry.delivery !== 'sent';
}

/**
 * Merges server messages into the thread. Returns the same array when nothing
 * changed, so signal subscribers do not re-render on duplicates.
 */
export function mergeMessages(entries: readonly ThreadEntry[], incoming: readonly Message[]): readonly ThreadEntry[] {
  if (incoming.length === 0) return entries;
  const next = entries.slice();
  const byId = new Map<string, number>();
  const byClientId = new Map<string, number>();
  next.forEach((entry, index) => {
    if (entry.message.id) byId.set(entry.message.id, index);
    if (entry.message.clientId) byClientId.set(entry.message.clientId, index);
  });
  let changed = false;
  for (const message of incoming) {
    const index = byId.get(message.id) ?? (message.clientId ? byClientId.get(message.clientId) : undefined);
    if (index === undefined) {
      byId.set(message.id, next.length);
      if (message.clientId) byClientId.set(message.clientId, next.length);
      next.push({ key: message.id, message, delivery: 'sent', error: null });
      changed = true;
      continue;
    }
    const existing = next[index];
    if (existing.delivery === 'sent' && sameMessage(existing.message, message)) continue;
    next[index] = { key: existing.key, message, delivery: 'sent', error: null };
    byId.set(message.id, index);
    changed = true;
  }
  return changed ? sortEntries(next) : entries;
}

/** Adds our own message as "sending"; a second add with the same clientId is ignored. */
export function addPending(entries: readonly ThreadEntry[], message: Message): readonly ThreadEntry[] {
  if (entries.some((entry) => entry.message.clientId === message.clientId)) return entries;
  return [...entries, { key: message.clientId, message, delivery: 'sending', error: null }];
}

/** Marks an unacknowledged message as sending again or failed. Acked messages are never demoted. */
export function setDelivery(
  entries: readonly ThreadEntry[],
  clientId: string,
  delivery: Exclude<Delivery, 'sent'>,
  error: string | null = null,
): readonly ThreadEntry[] {
  const index = entries.findIndex((entry) => entry.message.clientId === clientId && isPending(entry));
  if (index === -1) return entries;
  const next = entries.slice();
  next[index] = { ...next[index], delivery, error };
  return next;
}

/** The highest acknowledged seq: the cursor to catch up from after a reconnect. */
export function highestSeq(entries: readonly ThreadEntry[]): number {
  let max = 0;
  for (const entry of entries) if (!isPending(entry) && entry.message.seq > max) max = entry.message.seq;
  return max;
}

/**
 * The highest seq up to which nothing is missing (seqs are 1-based and
 * gap-free): the cursor to catch up from. Past a gap, `highestSeq` would skip it.
 */
export function contiguousSeq(entries: readonly ThreadEntry[]): number {
  let expected = 1;
  for (const entry of entries) {
    if (isPending(entry)) break;
    if (entry.message.seq === expected) expected += 1;
    else if (entry.message.seq > expected) break;
  }
  return expected - 1;
}

/** The last message from our side that the server has stored: where "Seen"/"Sent" goes. */
export function lastAgentMessage(entries: readonly ThreadEntry[]): Message | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (!isPending(entry) && entry.message.authorType === 'agent') return entry.message;
  }
  return null;
}

function sameMessage(a: Message, b: Message): boolean {
  return a.id === b.id && a.seq === b.seq && a.body === b.body && a.authorName === b.authorName;
}

/** Acked by seq; pending after them in the order they were written (Array.sort is stable). */
function sortEntries(entries: ThreadEntry[]): ThreadEntry[] {
  return entries.sort((a, b) => {
    const pa = isPending(a);
    const pb = isPending(b);
    if (pa || pb) return pa === pb ? 0 : pa ? 1 : -1;
    return a.message.seq - b.message.seq;
  });
}
