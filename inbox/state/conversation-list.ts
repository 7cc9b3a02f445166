/**
 * Pure rules for the conversation list: which conversations a filter shows,
 * in which order, and how live events fold into a conversation. Events can
 * arrive out of order (a push racing a REST refetch), so every seq only ever
 * moves forward here.
 */
import type { AgentConversation, ContactProfile, Message, Priority, ReadNotice } from '../../protocol/index.js';
import type { ListedConversation, ListFilter } from '../api/endpoints.js';

/**
 * What the client can check of a filter. A search (`q`) and an SLA filter are
 * the server's to decide: a conversation they hold stays until it fails a
 * part checked here, and `placesLocally` says whether new ones may be added.
 */
export function matchesFilter(conversation: AgentConversation, filter: ListFilter, agentId: string): boolean {
  if (filter.status && conversation.status !== filter.status) return false;
  if (filter.priority && conversation.priority !== filter.priority) return false;
  if (filter.team_id && conversation.teamId !== filter.team_id) return false;
  if (filter.tag) {
    const wanted = filter.tag.toLowerCase();
    if (!(conversation.tags ?? []).some((tag) => tag.toLowerCase() === wanted)) return false;
  }
  if (filter.assignee === 'me') return conversation.assigneeId === agentId;
  if (filter.assignee === 'unassigned') return conversation.assigneeId === null;
  return true;
}

/** Whether a conversation the list has not got yet can be placed by the client (not in a search or an SLA list). */
export function placesLocally(filter: ListFilter): boolean {
  return !filter.q && !filter.sla;
}

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

type Order = (a: AgentConversation, b: AgentConversation) => number;

/**
 * The order the server lists in, where the client can reproduce it; null
 * (a search, an SLA list, "waiting longest") keeps the server's order and
 * updates rows in place.
 */
export function orderFor(filter: ListFilter): Order | null {
  if (!placesLocally(filter)) return null;
  switch (filter.sort ?? 'newest') {
    case 'newest':
      return byActivity;
    case 'oldest':
      return (a, b) => byActivity(b, a);
    case 'priority':
      return (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || byActivity(a, b);
    case 'waiting':
      return null;
  }
}

/** The moment the list sorts by: the newest of the last update and the last message. */
export function activityTime(conversation: AgentConversation): number {
  const updated = Date.parse(conversation.updatedAt) || 0;
  const lastMessage = conversation.lastMessage ? Date.parse(conversation.lastMessage.createdAt) || 0 : 0;
  return Math.max(updated, lastMessage);
}

/** Unread for the agent side: something after what agents have read, and the visitor wrote last. */
export function isUnread(conversation: AgentConversation): boolean {
  return (
    conversation.lastSeq > conversation.agentReadSeq && conversation.lastMessage?.authorType === 'visitor'
  );
}

/** Folds a newer snapshot into an older one without letting any seq go backwards. */
export function mergeConversation(previous: AgentConversation | undefined, next: AgentConversation): AgentConversation {
  if (!previous) return next;
  const keepPreviousMessage = previous.lastSeq > next.lastSeq;
  return {
    ...next,
    lastSeq: Math.max(previous.lastSeq, next.lastSeq),
    lastMessage: keepPreviousMessage ? previous.lastMessage : next.lastMessage,
    agentReadSeq: Math.max(previous.agentReadSeq, next.agentReadSeq),
    visitorReadSeq: Math.max(previous.visitorReadSeq, next.visitorReadSeq),
  };
}

export function withMessage<T extends AgentConversation>(conversation: T, message: Message): T {
  if (message.conversationId !== conversation.id || message.seq <= conversation.lastSeq) {
    return conversation;
  }
  const updatedAt =
    Date.parse(message.createdAt) > Date.parse(conversation.updatedAt) ? message.createdAt : conversation.updatedAt;
  // An agent's reply means the agent side has read up to it (a bot's does not).
  const agentReadSeq = message.authorType === 'agent' ? message.seq : conversation.agentReadSeq;
  return { ...conversation, lastSeq: message.seq, lastMessage: message, updatedAt, agentReadSeq };
}

export function withRead<T extends AgentConversation>(conversation: T, notice: ReadNotice): T {
  if (notice.conversationId !== conversation.id) return conversation;
  if (notice.by === 'visitor') {
    return notice.seq > conversation.visitorReadSeq ? { ...conversation, visitorReadSeq: notice.seq } : conversation;
  }
  return notice.seq > conversation.agentReadSeq ? { ...conversation, agentReadSeq: notice.seq } : conversation;
}

export function withContact<T extends AgentConversation>(conversation: T, contact: ContactProfile): T {
  if (conversation.contact.id !== contact.id) return conversation;
  const { id, externalId, name, email, identified } = contact;
  return { ...conversation, contact: { id, externalId, name, email, identified } };
}

function byActivity(a: AgentConversation, b: AgentConversation): number {
  return activityTime(b) - activityTime(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Puts a conversation where the filter wants it: merged and re-sorted if it
 * matches, removed if it no longer does (closed while viewing "Open", say).
 */
export function upsertConversation(
  list: readonly ListedConversation[],
  conversation: AgentConversation,
  filter: ListFilter,
  agentId: string,
): readonly ListedConversation[] {
  const index = list.findIndex((item) => item.id === conversation.id);
  const previous = index === -1 ? undefined : list[index];
  const merged: ListedConversation = mergeConversation(previous, conversation);
  // A live update knows nothing of the search: keep the excerpt that put the row here.
  if (previous?.match !== undefined && merged.match === undefined) merged.match = previous.match;
  if (!matchesFilter(merged, filter, agentId)) {
    return index === -1 ? list : list.filter((item) => item.id !== conversation.id);
  }
  if (index === -1 && !placesLocally(filter)) return list;
  const order = orderFor(filter);
  if (!order) return index === -1 ? [...list, merged] : list.map((item, i) => (i === index ? merged : item));
  const rest = index === -1 ? list : list.filter((item) => item.id !== conversation.id);
  return [...rest, merged].sort(order);
}

/** Applies a change to every conversation (re-sorted by `order` when given); keeps the array when nothing changed. */
export function mapConversations(
  list: readonly ListedConversation[],
  change: (conversation: ListedConversation) => ListedConversation,
  order: Order | null = byActivity,
): readonly ListedConversation[] {
  let changed = false;
  const next = list.map((conversation) => {
    const updated = change(conversation);
    if (updated !== conversation) changed = true;
    return updated;
  });
  if (!changed) return list;
  return order ? next.sort(order) : next;
}

/** Appends a further page, skipping any conversation that moved up into the loaded part meanwhile. */
export function appendPage(
  list: readonly ListedConversation[],
  page: readonly ListedConversation[],
): readonly ListedConversation[] {
  const known = new Set(list.map((conversation) => conversation.id));
  return [...list, ...page.filter((conversation) => !known.has(conversation.id))];
}
