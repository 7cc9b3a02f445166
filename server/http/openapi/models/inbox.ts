/**
 * Response shapes of the inbox resources (conversations, messages, contacts,
 * notes, tags, canned replies, saved views), checked against protocol's
 * interfaces by `model<T>()`.
 */
import { z } from 'zod';
import type {
  AgentConversation,
  Attachment,
  CannedReply,
  ContactEvent,
  ContactProfile,
  ContactSummary,
  ConversationNote,
  ConversationSla,
  Message,
  MessageSurvey,
  SavedView,
  Tag,
} from '../../../../protocol/index.js';
import { savedViewFiltersSchema } from '../../../../protocol/index.js';
import { isoTime, model } from '../model.js';
import { named } from '../route-doc.js';

const statuses = ['open', 'snoozed', 'closed'] as const;
const priorities = ['low', 'normal', 'high', 'urgent'] as const;

export const AttachmentDoc = named(
  'Attachment',
  model<Attachment>()(
    { id: z.string(), name: z.string(), size: z.number().int(), contentType: z.string(), url: z.string() },
    'An uploaded file; `url` is a signed capability relative to the server (`/api/v1/attachments/<id>/<signature>`).',
  ),
);

const messageSurvey = model<MessageSurvey>()({ id: z.string(), deliveryId: z.string() });

export const MessageDoc = named(
  'Message',
  model<Message>()(
    {
      id: z.string(),
      conversationId: z.string(),
      seq: z.number().int().describe('1-based, gap-free position in the conversation'),
      clientId: z.string().describe('The sender’s idempotency key'),
      authorType: z.enum(['visitor', 'agent', 'bot']),
      authorId: z.string().nullable(),
      authorName: z.string().nullable(),
      body: z.string().describe('Markdown'),
      attachments: z.array(AttachmentDoc.schema),
      survey: messageSurvey.optional(),
      createdAt: isoTime(),
      automatic: z.literal(true).optional().describe('Sent by the system (the away acknowledgement)'),
      buttons: z.array(z.object({ id: z.string(), label: z.string() })).optional().describe('A bot’s question: its choices (docs/bots.md)'),
      choice: z.object({ messageId: z.string(), optionId: z.string() }).optional().describe('The visitor’s answer to a bot’s buttons'),
    },
    'A message of a conversation.',
  ),
  [AttachmentDoc],
);

const contactSummary = model<ContactSummary>()({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  identified: z.boolean(),
});

const sla = model<ConversationSla>()({
  dueAt: z.string().nullable(),
  kind: z.enum(['first_response', 'next_response', 'resolution']).nullable(),
  breached: z.boolean(),
});

export const ConversationDoc = named(
  'Conversation',
  model<AgentConversation>()(
    {
      id: z.string(),
      status: z.enum(statuses),
      priority: z.enum(priorities),
      assigneeId: z.string().nullable(),
      assigneeName: z.string().nullable(),
      teamId: z.string().nullable(),
      lastSeq: z.number().int(),
      visitorReadSeq: z.number().int(),
      agentReadSeq: z.number().int(),
      contact: contactSummary,
      lastMessage: MessageDoc.schema.nullable(),
      rating: z.number().int().nullable(),
      ratingComment: z.string().nullable(),
      createdAt: isoTime(),
      updatedAt: isoTime(),
      tags: z.array(z.string()),
      snoozedUntil: z.string().nullable(),
      teamName: z.string().nullable(),
      sla,
    },
    'A conversation as agents see it. A search (`q`) adds `match`, a plain-text excerpt.',
  ),
  [MessageDoc],
);

export const ContactDoc = named(
  'Contact',
  model<ContactProfile>()({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    identified: z.boolean(),
    traits: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    locale: z.string().nullable(),
    device: z.object({ userAgent: z.string().optional(), screen: z.string().optional(), timezone: z.string().optional() }).nullable(),
    firstSeenAt: isoTime(),
    lastSeenAt: isoTime(),
    lastPageUrl: z.string().nullable(),
    tags: z.array(z.string()),
  }),
);

export const ContactEventDoc = named(
  'ContactEvent',
  model<ContactEvent>()({
    id: z.string(),
    contactId: z.string(),
    type: z.enum(['track', 'page']),
    name: z.string(),
    props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    url: z.string().nullable(),
    occurredAt: isoTime(),
  }),
);

export const NoteDoc = named(
  'Note',
  model<ConversationNote>()(
    {
      id: z.string(),
      conversationId: z.string(),
      authorId: z.string().nullable(),
      authorName: z.string().nullable(),
      body: z.string(),
      mentions: z.array(z.string()).describe('Agent ids named in the body'),
      createdAt: isoTime(),
    },
    'An internal note: the team sees it, the visitor never does.',
  ),
);

export const TagDoc = named(
  'Tag',
  model<Tag>()({ id: z.string(), name: z.string(), color: z.string().nullable(), count: z.number().int(), created_at: isoTime() }),
);

export const CannedReplyDoc = named(
  'CannedReply',
  model<CannedReply>()({ id: z.string(), shortcut: z.string(), title: z.string(), body: z.string(), created_at: isoTime(), updated_at: isoTime() }),
);

export const SavedViewDoc = named(
  'SavedView',
  model<SavedView>()({
    id: z.string(),
    name: z.string(),
    filters: savedViewFiltersSchema,
    shared: z.boolean(),
    owner_id: z.string().nullable(),
    created_at: isoTime(),
    updated_at: isoTime(),
  }),
);
