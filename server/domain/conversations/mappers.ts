import { type AgentConversation, type Attachment, type ConversationSla, type Message, NO_SLA, type VisitorConversation } from '../../../protocol/index.js';
import type { ContactRow, ConversationRow, MessageRow } from '../../store/index.js';
import { toContactSummary } from '../contacts/index.js';

export function toMessage(row: MessageRow, attachments: Attachment[]): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    clientId: row.client_id,
    authorType: row.author_type,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    attachments,
    ...(row.survey_id && row.survey_delivery_id ? { survey: { id: row.survey_id, deliveryId: row.survey_delivery_id } } : {}),
    createdAt: row.created_at,
    ...(Number(row.automatic ?? 0) === 1 ? { automatic: true as const } : {}),
    ...botParts(row.bot_data),
  };
}

/** `messages.bot_data` (bots, 021) → the message's `buttons` or `choice`; nothing for other messages or a broken value. */
function botParts(data: string | null | undefined): Pick<Message, 'buttons' | 'choice'> {
  if (!data) return {};
  try {
    const parsed = JSON.parse(data) as Pick<Message, 'buttons' | 'choice'>;
    if (Array.isArray(parsed.buttons)) return { buttons: parsed.buttons };
    if (parsed.choice && typeof parsed.choice === 'object') return { choice: parsed.choice };
  } catch {
    // A value no bot wrote: the message shows as plain text.
  }
  return {};
}

export function toVisitorConversation(
  row: ConversationRow,
  extra: { unread: number; assigneeName: string | null; lastMessage: Message | null },
): VisitorConversation {
  return {
    id: row.id,
    status: row.status,
    lastSeq: Number(row.last_seq),
    visitorReadSeq: Number(row.visitor_read_seq),
    agentReadSeq: Number(row.agent_read_seq),
    unread: extra.unread,
    assigneeName: extra.assigneeName,
    lastMessage: extra.lastMessage,
    rating: row.rating === null || row.rating === undefined ? null : Number(row.rating),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAgentConversation(
  row: ConversationRow,
  extra: { contact: ContactRow; assigneeName: string | null; lastMessage: Message | null; teamName?: string | null; tags?: string[]; sla?: ConversationSla },
): AgentConversation {
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    assigneeId: row.assignee_id,
    assigneeName: extra.assigneeName,
    teamId: row.team_id,
    lastSeq: Number(row.last_seq),
    visitorReadSeq: Number(row.visitor_read_seq),
    agentReadSeq: Number(row.agent_read_seq),
    contact: toContactSummary(extra.contact),
    lastMessage: extra.lastMessage,
    rating: row.rating === null || row.rating === undefined ? null : Number(row.rating),
    ratingComment: row.rating_comment ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    teamName: extra.teamName ?? null,
    tags: extra.tags ?? [],
    snoozedUntil: row.snoozed_until ?? null,
    sla: extra.sla ?? NO_SLA,
  };
}
