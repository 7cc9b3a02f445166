/**
 * Conversations: who may see which, their state (open/snoozed/closed, assignee,
 * read positions), and the views each side gets. Every lookup is scoped to the
 * caller — a visitor's contact or an agent's workspace — and someone else's
 * conversation answers exactly like a missing one (404).
 */
import type { Kysely } from 'kysely';
import type { AgentConversation, ConversationStatus, Message, Priority, VisitorConversation } from '../../../protocol/index.js';
import type { ContactRow, ConversationRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { toAgentConversation, toVisitorConversation } from './mappers.js';
import type { MessageLog } from './message-log.js';

export type AssigneeFilter = 'all' | 'me' | 'unassigned';

export interface AgentListQuery {
  workspaceId: string;
  agentId: string;
  status?: ConversationStatus;
  assignee: AssigneeFilter;
  contactId?: string;
  limit: number;
  cursor?: string;
}

export class Conversations {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
    private readonly messages: MessageLog,
  ) {}

  /** Starts a conversation with its first message; idempotent on the conversation's client id. */
  async start(
    contact: ContactRow,
    input: { clientId: string; body: string; attachmentIds?: readonly string[] },
    /** A message the conversation opens with, before the visitor's (a reply to an in-app chat message). */
    opening?: { body: string; author: { type: 'agent' | 'bot'; id: string | null; name: string | null } },
  ): Promise<{ conversation: ConversationRow; message: Message }> {
    const outcome = await this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('conversations')
        .selectAll()
        .where('workspace_id', '=', contact.workspace_id)
        .where('client_id', '=', input.clientId)
        .executeTakeFirst();
      if (existing) {
        if (existing.contact_id !== contact.id) throw new ParleyError('conflict', 'clientId already used');
        const first = await trx
          .selectFrom('messages')
          .selectAll()
          .where('conversation_id', '=', existing.id)
          .where('client_id', '=', input.clientId)
          .executeTakeFirstOrThrow();
        const [message] = await this.messages.withAttachments([first], trx);
        return { conversation: existing, message, created: false };
      }
      const conversation = newConversationRow(contact, input.clientId);
      await trx.insertInto('conversations').values(conversation).execute();
      const opened = opening
        ? await this.messages.appendIn(trx, {
            workspaceId: contact.workspace_id,
            conversationId: conversation.id,
            clientId: `${input.clientId}:opening`,
            body: opening.body,
            author: opening.author,
          })
        : null;
      // The visitor's first message shares the client id: a resent start is one conversation and one message.
      const appended = await this.messages.appendIn(trx, {
        workspaceId: contact.workspace_id,
        conversationId: conversation.id,
        clientId: input.clientId,
        body: input.body,
        author: { type: 'visitor', id: contact.id, name: contact.name },
        attachmentIds: input.attachmentIds,
      });
      return { conversation: appended.conversation, message: appended.message, created: true, opened: opened?.message };
    });
    if (outcome.created && 'opened' in outcome && outcome.opened) this.messages.publish(outcome.conversation, outcome.opened);
    if (outcome.created) this.messages.publish(outcome.conversation, outcome.message);
    return { conversation: outcome.conversation, message: outcome.message };
  }

  /**
   * The team writes first (a survey follow-up): a conversation that opens with
   * a team message. Idempotent by `clientId`, like a visitor's start.
   */
  async openByTeam(
    contact: ContactRow,
    input: { clientId: string; body: string; author: { type: 'agent' | 'bot'; id: string | null; name: string | null }; assigneeId?: string | null },
  ): Promise<ConversationRow> {
    const outcome = await this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('conversations').selectAll().where('workspace_id', '=', contact.workspace_id).where('client_id', '=', input.clientId).executeTakeFirst();
      if (existing) return { conversation: existing, message: null };
      const row = newConversationRow(contact, input.clientId);
      await trx.insertInto('conversations').values(row).execute();
      const appended = await this.messages.appendIn(trx, { workspaceId: contact.workspace_id, conversationId: row.id, clientId: input.clientId, body: input.body, author: input.author });
      return { conversation: appended.conversation, message: appended.message };
    });
    if (outcome.message) this.messages.publish(outcome.conversation, outcome.message);
    return input.assigneeId && outcome.message ? this.assign(outcome.conversation, input.assigneeId).catch(() => outcome.conversation) : outcome.conversation;
  }

  /** CSAT after close: the visitor rates a closed conversation (a new rating replaces the old). */
  async rate(row: ConversationRow, rating: number, comment: string | undefined): Promise<ConversationRow> {
    if (row.status !== 'closed') throw new ParleyError('conflict', 'only a closed conversation can be rated');
    const updated = await this.db
      .updateTable('conversations')
      .set({ rating, rating_comment: comment?.trim() || null, rated_at: nowIso() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.announce(updated);
    return updated;
  }

  async getForContact(contact: ContactRow, conversationId: string): Promise<ConversationRow> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .where('contact_id', '=', contact.id)
      .executeTakeFirst();
    if (!row) throw notFound('conversation');
    return row;
  }

  async getInWorkspace(workspaceId: string, conversationId: string): Promise<ConversationRow> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!row) throw notFound('conversation');
    return row;
  }

  async listForContact(contact: ContactRow): Promise<VisitorConversation[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('contact_id', '=', contact.id)
      .orderBy('updated_at', 'desc')
      .limit(100)
      .execute();
    return Promise.all(rows.map((r) => this.visitorView(r)));
  }

  async visitorView(row: ConversationRow): Promise<VisitorConversation> {
    const [unread, lastMessage, assigneeName] = await Promise.all([
      this.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('conversation_id', '=', row.id)
        .where('author_type', '!=', 'visitor')
        .where('seq', '>', row.visitor_read_seq)
        .executeTakeFirst(),
      this.lastMessage(row),
      this.assigneeName(row.assignee_id),
    ]);
    return toVisitorConversation(row, { unread: Number(unread?.n ?? 0), assigneeName, lastMessage });
  }

  async agentView(row: ConversationRow): Promise<AgentConversation> {
    const [contact, lastMessage, assigneeName] = await Promise.all([
      this.db.selectFrom('contacts').selectAll().where('id', '=', row.contact_id).executeTakeFirstOrThrow(),
      this.lastMessage(row),
      this.assigneeName(row.assignee_id),
    ]);
    return toAgentConversation(row, { contact, assigneeName, lastMessage });
  }

  async listForAgents(q: AgentListQuery): Promise<{ data: AgentConversation[]; next: string | null }> {
    let query = this.db.selectFrom('conversations').selectAll().where('workspace_id', '=', q.workspaceId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.assignee === 'me') query = query.where('assignee_id', '=', q.agentId);
    if (q.assignee === 'unassigned') query = query.where('assignee_id', 'is', null);
    if (q.contactId) query = query.where('contact_id', '=', q.contactId);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('updated_at', '<', at), eb.and([eb('updated_at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      data: await Promise.all(page.map((r) => this.agentView(r))),
      next: rows.length > q.limit && last ? encodeCursor(last.updated_at, last.id) : null,
    };
  }

  async update(row: ConversationRow, patch: { status?: ConversationStatus; priority?: Priority }): Promise<ConversationRow> {
    const updated = await this.db
      .updateTable('conversations')
      .set({ ...patch, updated_at: nowIso() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.announce(updated);
    return updated;
  }

  async assign(row: ConversationRow, assigneeId: string | null): Promise<ConversationRow> {
    if (assigneeId) {
      const agent = await this.db.selectFrom('agents').select('id').where('id', '=', assigneeId).where('workspace_id', '=', row.workspace_id).executeTakeFirst();
      if (!agent) throw notFound('agent');
    }
    const updated = await this.db
      .updateTable('conversations')
      .set({ assignee_id: assigneeId, updated_at: nowIso() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.announce(updated);
    return updated;
  }

  /** Read positions only move forward and never past the last message. */
  async markRead(row: ConversationRow, by: 'visitor' | 'agent', seq: number): Promise<number> {
    const column = by === 'visitor' ? 'visitor_read_seq' : 'agent_read_seq';
    const target = Math.min(seq, Number(row.last_seq));
    const updated = await this.db
      .updateTable('conversations')
      .set({ [column]: target })
      .where('id', '=', row.id)
      .where(column, '<', target)
      .returningAll()
      .executeTakeFirst();
    if (updated) {
      this.bus.publish('conversation.read', {
        workspaceId: row.workspace_id,
        contactId: row.contact_id,
        conversationId: row.id,
        seq: target,
        by,
      });
      this.announce(updated);
    }
    return Math.max(target, Number(by === 'visitor' ? row.visitor_read_seq : row.agent_read_seq));
  }

  private announce(row: ConversationRow): void {
    this.bus.publish('conversation.updated', { workspaceId: row.workspace_id, contactId: row.contact_id, conversationId: row.id });
  }

  private async lastMessage(row: ConversationRow): Promise<Message | null> {
    if (Number(row.last_seq) === 0) return null;
    const last = await this.db.selectFrom('messages').selectAll().where('conversation_id', '=', row.id).where('seq', '=', row.last_seq).executeTakeFirst();
    if (!last) return null;
    const [message] = await this.messages.withAttachments([last]);
    return message;
  }

  private async assigneeName(assigneeId: string | null): Promise<string | null> {
    if (!assigneeId) return null;
    const agent = await this.db.selectFrom('agents').select('name').where('id', '=', assigneeId).executeTakeFirst();
    return agent?.name ?? null;
  }
}

/** A new, open conversation of a contact; `clientId` makes its creation idempotent. */
function newConversationRow(contact: ContactRow, clientId: string): ConversationRow {
  const now = nowIso();
  return {
    id: newId('conv'),
    workspace_id: contact.workspace_id,
    contact_id: contact.id,
    client_id: clientId,
    status: 'open',
    priority: 'normal',
    assignee_id: null,
    team_id: null,
    channel: 'messenger',
    last_seq: 0,
    visitor_read_seq: 0,
    agent_read_seq: 0,
    rating: null,
    rating_comment: null,
    rated_at: null,
    created_at: now,
    updated_at: now,
  };
}
