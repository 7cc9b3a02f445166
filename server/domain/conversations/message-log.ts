/**
 * The message log: the one place messages are written. This is the delivery
 * guarantee of DESIGN.md §3 in code:
 * - idempotent: a client id is stored once; a resend gets the stored message back,
 *   even one racing its original (the loser of the insert runs again as a resend);
 * - ordered: seq is allocated inside the same transaction as the insert, so seqs
 *   in a conversation are gap-free and match commit order;
 * - durable before acknowledged: callers ack only after `append` resolves, which
 *   happens after the transaction has committed;
 * - whole: a message's attachments are linked in the same transaction, so a
 *   message is never stored without them (nor they without it).
 */
import type { Kysely, Transaction } from 'kysely';
import type { BotChoice, Message, BotButton, MessageSurvey } from '../../../protocol/index.js';
import type { ConversationRow, Database, MessageRow } from '../../store/index.js';
import type { Attachments, Uploader } from '../attachments/index.js';
import type { DomainBus } from '../bus.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { retryOnUniqueViolation } from '../unique-violation.js';
import { toMessage } from './mappers.js';
import { metricsOnMessage } from './conversation-metrics.js';

export interface Author {
  type: 'visitor' | 'agent' | 'bot';
  id: string | null;
  name: string | null;
}

export interface AppendInput {
  workspaceId: string;
  conversationId: string;
  clientId: string;
  body: string;
  author: Author;
  /** Uploads of this author to send with the message (see Attachments.linkIn). */
  attachmentIds?: readonly string[];
  /** A survey sent in the conversation (its delivery already stored in the same transaction). */
  survey?: MessageSurvey;
  /** A visitor's message that must not reopen a closed conversation (answers to a survey sent before it closed). */
  keepStatus?: boolean;
  /** Sent by the system itself (the away acknowledgement): stored as such and never counted as a reply. */
  automatic?: boolean;
  /** A bot's question: its choices, shown as buttons (docs/bots.md). */
  buttons?: BotButton[];
  /** A visitor's answer to a bot's buttons. */
  choice?: BotChoice;
}

export interface AppendOutcome {
  row: MessageRow;
  message: Message;
  created: boolean;
  conversation: ConversationRow;
}

/** Who uploaded what the author attaches: visitors by contact, agents by agent id, API callers as "api". */
export function uploaderOf(author: Author): Uploader {
  return author.type === 'visitor' ? { type: 'visitor', id: author.id ?? '' } : { type: 'agent', id: author.id ?? 'api' };
}

export interface AppendResult {
  message: Message;
  /** False when the client id was already stored (a resend). */
  created: boolean;
}

export class MessageLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
    private readonly attachments: Attachments,
  ) {}

  async append(input: AppendInput): Promise<AppendResult> {
    // A resend racing its original (Postgres) gets the original's message, as a later resend would.
    const outcome = await retryOnUniqueViolation(() => this.db.transaction().execute((trx) => this.appendIn(trx, input)));
    if (outcome.created) this.publish(outcome.conversation, outcome.message);
    return { message: outcome.message, created: outcome.created };
  }

  /** Also used by conversation start, inside its own transaction. */
  async appendIn(trx: Transaction<Database>, input: AppendInput): Promise<AppendOutcome> {
    const existing = await trx
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', input.workspaceId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    const conversation = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', input.conversationId)
      .where('workspace_id', '=', input.workspaceId)
      .executeTakeFirst();
    if (!conversation) throw notFound('conversation');
    if (existing) {
      if (existing.conversation_id !== input.conversationId || existing.author_type !== input.author.type) {
        throw new ParleyError('conflict', 'clientId already used for another message');
      }
      // A resend: the stored message with the attachments it was stored with (the ids sent again are not re-checked).
      const [message] = await this.withAttachments([existing], trx);
      return { row: existing, message, created: false, conversation };
    }

    const now = nowIso();
    // A visitor writing into a closed conversation reopens it, as in every peer messenger.
    const reopen = input.author.type === 'visitor' && conversation.status !== 'open' && !input.keepStatus;
    const readColumn = input.author.type === 'visitor' ? 'visitor_read_seq' : 'agent_read_seq';
    const bumped = await trx
      .updateTable('conversations')
      .set((eb) => ({
        last_seq: eb('last_seq', '+', 1),
        [readColumn]: eb('last_seq', '+', 1),
        updated_at: now,
        // A snoozed one wakes at once: its snooze is over.
        ...(reopen ? { status: 'open' as const, snoozed_until: null } : {}),
        // Metrics move in the same statement (conversation-metrics.ts).
        ...metricsOnMessage({ authorType: input.author.type, automatic: input.automatic === true, at: now }, reopen),
      }))
      .where('id', '=', conversation.id)
      .returningAll()
      .executeTakeFirstOrThrow();

    const row: MessageRow = {
      id: newId('msg'),
      workspace_id: input.workspaceId,
      conversation_id: conversation.id,
      seq: Number(bumped.last_seq),
      client_id: input.clientId,
      author_type: input.author.type,
      author_id: input.author.id,
      author_name: input.author.name,
      body: input.body,
      survey_id: input.survey?.id ?? null,
      survey_delivery_id: input.survey?.deliveryId ?? null,
      created_at: now,
      automatic: input.automatic ? 1 : 0,
      bot_data: botDataOf(input),
    };
    await trx.insertInto('messages').values(row).execute();
    const attachments = await this.attachments.linkIn(trx, {
      workspaceId: input.workspaceId,
      uploader: uploaderOf(input.author),
      ids: input.attachmentIds ?? [],
      conversationId: conversation.id,
      messageId: row.id,
    });
    return { row, message: toMessage(row, attachments), created: true, conversation: bumped };
  }

  publish(conversation: ConversationRow, message: Message): void {
    this.bus.publish('message.created', {
      workspaceId: conversation.workspace_id,
      contactId: conversation.contact_id,
      message,
    });
    this.bus.publish('conversation.updated', {
      workspaceId: conversation.workspace_id,
      contactId: conversation.contact_id,
      conversationId: conversation.id,
    });
  }

  /** Catch-up: messages after `afterSeq`, ascending. */
  async since(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
    return this.withAttachments(rows);
  }

  /** Rows → wire messages, with every row's attachments fetched in one query. */
  async withAttachments(rows: readonly MessageRow[], db: Kysely<Database> = this.db): Promise<Message[]> {
    const byMessage = await this.attachments.forMessages(db, rows.map((r) => r.id));
    return rows.map((r) => toMessage(r, byMessage.get(r.id) ?? []));
  }
}

/** The bot parts of a message as stored (`messages.bot_data`): buttons on a bot's, a choice on a visitor's. */
function botDataOf(input: AppendInput): string | null {
  if (input.buttons?.length && input.author.type === 'bot') return JSON.stringify({ buttons: input.buttons });
  if (input.choice && input.author.type === 'visitor') return JSON.stringify({ choice: input.choice });
  return null;
}
