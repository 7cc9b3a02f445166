/**
 * Pure rules for the conversation list: which conversations a filter shows,
 * in which order, and how live events fold into a conversation. Events can
 * arrive out of order (a push racing a REST refetch), so every seq only ever
 * moves forward here.
 */
import type { AgentConversation, ContactProfile, Message, ReadNotice } from '../../protocol/index.js';
import type { ListFilter } from '../api/endpoints.js';

export function matchesFilter(conversation: AgentConversation, filter: ListFilter, agentId: string): boolean {
  if (conversation.status !== filter.status) return false;
  if (filter.assignee === 'me') return conversation.assigneeId === agentId;
  if (filter.assignee === 'unassigned') return conversation.assigneeId === null;
  return true;
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

export function withMessage(conversation: AgentConversation, message: Message): AgentConversation {
  if (message.conversationId !== conversation.id || message.seq <= conversation.lastSeq) {
    return conversation;
  }
  const updatedAt =
    Date.parse(message.createdAt) > Date.parse(conversation.updatedAt) ? message.createdAt : conversation.updatedAt;
  // An agent's reply means the agent side has read up to it (a bot's does not).
  const agentReadSeq = message.authorType === 'agent' ? message.seq : conversation.agentReadSeq;
  return { ...conversation, lastSeq: message.seq, lastMessage: message, updatedAt, agentReadSeq };
}

export function withRead(conversation: AgentConversation, notice: ReadNotice): AgentConversation {
  if (notice.conversationId !== conversation.id) return conversation;
  if (notice.by === 'visitor') {
    return notice.seq > conversation.visitorReadSeq ? { ...conversation, visitorReadSeq: notice.seq } : conversation;
  }
  return notice.seq > conversation.agentReadSeq ? { ...conversation, agentReadSeq: notice.seq } : conversation;
}

export function withContact(conversation: AgentConversation, contact: ContactProfile): AgentConversation {
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
  list: readonly AgentConversation[],
  conversation: AgentConversation,
  filter: ListFilter,
  agentId: string,
): readonly AgentConversation[] {
  const index = list.findIndex((item) => item.id === conversation.id);
  const merged = mergeConversation(index === -1 ? undefined : list[index], conversation);
  if (!matchesFilter(merged, filter, agentId)) {
    return index === -1 ? list : list.filter((item) => item.id !== conversation.id);
  }
  const rest = index === -1 ? list : list.filter((item) => item.id !== conversation.id);
  return [...rest, merged].sort(byActivity);
}

/** Applies a change to every conversation; keeps the array when nothing changed. */
export function mapConversations(
  list: readonly AgentConversation[],
  change: (conversation: AgentConversation) => AgentConversation,
): readonly AgentConversation[] {
  let changed = false;
  const next = list.map((conversation) => {
    const updated = change(conversation);
    if (updated !== conversation) changed = true;
    return updated;
  });
  return changed ? next.sort(byActivity) : list;
}

/** Appends a further page, skipping any conversation that moved up into the loaded part meanwhile. */
export function appendPage(
  list: readonly AgentConversation[],
  page: readonly AgentConversation[],
): readonly AgentConversation[] {
  const known = new Set(list.map((conversation) => conversation.id));
  return [...list, ...page.filter((conversation) => !known.has(conversation.id))];
}
