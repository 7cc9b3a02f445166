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
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { retryOnUniqueViolation } from '../unique-violation.js';
import { agentViews } from './agent-views.js';
import { toVisitorConversation } from './mappers.js';
import type { MessageLog } from './message-log.js';
import type { ConversationSort } from '../../../protocol/index.js';
import type { ConversationSearch } from '../search/index.js';
import { withInboxFilters } from './list-filters.js';
import { pageInOrder } from './list-order.js';
import { searchPage } from './search-page.js';
import { snoozeColumns } from './snooze.js';
import type { SelectQueryBuilder } from 'kysely';
import type { SlaFilter } from '../../../protocol/index.js';
import { metricsOnStatus } from './conversation-metrics.js';
import type { ConversationRoutingHooks } from './routing-hooks.js';
import type { ConversationServiceLevels } from './service-level-hooks.js';
import { slaPage } from './sla-page.js';

export type AssigneeFilter = 'all' | 'me' | 'unassigned';

export interface AgentListQuery {
  workspaceId: string;
  agentId: string;
  status?: ConversationStatus;
  assignee: AssigneeFilter;
  contactId?: string;
  /** Only conversations with this team. */
  teamId?: string;
  limit: number;
  cursor?: string;
  /** A tag name, any case. */
  tag?: string;
  priority?: Priority;
  /** Default newest. Ignored with `search`: search results come newest match first. */
  sort?: ConversationSort;
  /** Full-text search over messages and the contact; each result carries a `match` excerpt. */
  search?: string;
  /** Open conversations by SLA state, most urgent first (sla-page.ts); ignored with `search`. */
  sla?: SlaFilter;
}

export class Conversations {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
    private readonly messages: MessageLog,
    private readonly search: ConversationSearch,
  ) {}

  private serviceLevels: ConversationServiceLevels | null = null;

  /** Plugs in SLA clocks and away acknowledgements (createDomain does); without it there are neither. */
  useServiceLevels(levels: ConversationServiceLevels): void {
    this.serviceLevels = levels;
  }

  private routing: ConversationRoutingHooks | null = null;

  /** Plugs in routing (createRouting does): waiting conversations go to agents as room appears. */
  useRouting(hooks: ConversationRoutingHooks): void {
    this.routing = hooks;
  }

  /** Starts a conversation with its first message; idempotent on the conversation's client id. */
  async start(
    contact: ContactRow,
    input: { clientId: string; body: string; attachmentIds?: readonly string[] },
    /** A message the conversation opens with, before the visitor's (a reply to an in-app chat message). */
    opening?: { body: string; author: { type: 'agent' | 'bot'; id: string | null; name: string | null } },
  ): Promise<{ conversation: ConversationRow; message: Message }> {
    // Read before the transaction: SQLite has one connection, the transaction may only use `trx`.
    const away = this.serviceLevels ? await this.serviceLevels.awayAcknowledgement(contact, new Date()) : null;
    // A resent start racing its original (Postgres) gets the conversation the original created.
    const outcome = await retryOnUniqueViolation(() => this.db.transaction().execute(async (trx) => {
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
      // Outside business hours: say when the team is back. Automatic, so it is no reply of the team.
      const acknowledged = away
        ? await this.messages.appendIn(trx, {
            workspaceId: contact.workspace_id,
            conversationId: conversation.id,
            clientId: `${input.clientId}:away`,
            body: away.body,
            author: { type: 'bot', id: null, name: away.authorName },
            automatic: true,
          })
        : null;
      return {
        conversation: (acknowledged ?? appended).conversation,
        message: appended.message,
        created: true,
        opened: opened?.message,
        away: acknowledged?.message,
      };
    }));
    if (outcome.created && 'opened' in outcome && outcome.opened) this.messages.publish(outcome.conversation, outcome.opened);
    if (outcome.created) this.messages.publish(outcome.conversation, outcome.message);
    if (outcome.created && 'away' in outcome && outcome.away) this.messages.publish(outcome.conversation, outcome.away);
    if (outcome.created) this.publishCreated(outcome.conversation, 'visitor');
    return { conversation: outcome.conversation, message: outcome.message };
  }

  /**
   * The team writes first (a survey follow-up): a conversation that opens with
   * a team message. Idempotent by `clientId`, like a visitor's start.
   */
  async openByTeam(
    contact: ContactRow,
    input: { clientId: string; body: string; author: { type: 'agent' | 'bot'; id: string | null; name: string | null }; assigneeId?: string | null; teamId?: string | null },
  ): Promise<ConversationRow> {
    // A team that is gone (deleted since a survey named it) leaves the conversation unrouted rather than failing it.
    const team = input.teamId ? await this.db.selectFrom('teams').select('id').where('id', '=', input.teamId).where('workspace_id', '=', contact.workspace_id).executeTakeFirst() : undefined;
    const outcome = await this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('conversations').selectAll().where('workspace_id', '=', contact.workspace_id).where('client_id', '=', input.clientId).executeTakeFirst();
      if (existing) return { conversation: existing, message: null };
      const row = { ...newConversationRow(contact, input.clientId), team_id: team?.id ?? null };
      await trx.insertInto('conversations').values(row).execute();
      const appended = await this.messages.appendIn(trx, { workspaceId: contact.workspace_id, conversationId: row.id, clientId: input.clientId, body: input.body, author: input.author });
      return { conversation: appended.conversation, message: appended.message };
    });
    if (outcome.message) this.messages.publish(outcome.conversation, outcome.message);
    const row = input.assigneeId && outcome.message ? await this.assign(outcome.conversation, input.assigneeId).catch(() => outcome.conversation) : outcome.conversation;
    // After the explicit assignee is set, so assignment rules see it and leave the conversation alone.
    if (outcome.message) this.publishCreated(row, 'team');
    return row;
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
    const [view] = await this.agentViews([row]);
    return view;
  }

  /** Agents' views of a page of rows, in order, with a handful of queries for the whole page (agent-views.ts). */
  agentViews(rows: readonly ConversationRow[]): Promise<AgentConversation[]> {
    return agentViews({ db: this.db, messages: this.messages, serviceLevels: this.serviceLevels }, rows);
  }

  async listForAgents(q: AgentListQuery): Promise<{ data: AgentConversation[]; next: string | null }> {
    let query = this.db.selectFrom('conversations').selectAll().where('workspace_id', '=', q.workspaceId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.assignee === 'me') query = query.where('assignee_id', '=', q.agentId);
    if (q.assignee === 'unassigned') query = query.where('assignee_id', 'is', null);
    if (q.contactId) query = query.where('contact_id', '=', q.contactId);
    if (q.teamId) query = query.where('team_id', '=', q.teamId);
    query = withInboxFilters(query, q);
    if (q.sla && !q.search) return this.listBySla({ ...q, sla: q.sla }, query);
    if (q.search) {
      const found = await searchPage(this.db, this.search, query, { workspaceId: q.workspaceId, text: q.search, limit: q.limit, cursor: q.cursor });
      const views = await this.agentViews(found.rows.map((r) => r.row));
      return { data: views.map((view, i) => ({ ...view, match: found.rows[i].match })), next: found.next };
    }
    // Every sort pages by keyset (see list-order.ts).
    const page = await pageInOrder(query, q.sort ?? 'newest', { limit: q.limit, cursor: q.cursor });
    return { data: await this.agentViews(page.rows), next: page.next };
  }

  async update(row: ConversationRow, patch: { status?: ConversationStatus; priority?: Priority; snoozed_until?: string }): Promise<ConversationRow> {
    // Snoozing needs a time; any other status change clears it (snooze.ts).
    const { snoozed_until: _until, ...columns } = patch;
    const at = nowIso();
    const updated = await this.db
      .updateTable('conversations')
      // Closing and reopening move the metrics in the same statement (conversation-metrics.ts).
      .set({ ...columns, ...snoozeColumns(patch, new Date()), ...(patch.status ? metricsOnStatus(patch.status, at) : {}), updated_at: at })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.announce(updated);
    this.routing?.changed(row, updated);
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
    this.routing?.changed(row, updated);
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

  /** `?sla=`: open conversations by SLA due time; the list's other filters still apply. */
  private async listBySla(
    q: AgentListQuery & { sla: SlaFilter },
    filtered: SelectQueryBuilder<Database, 'conversations', ConversationRow>,
  ): Promise<{ data: AgentConversation[]; next: string | null }> {
    const levels = this.serviceLevels;
    if (!levels) return { data: [], next: null };
    const now = new Date();
    const candidates = await filtered.where('conversations.status', '=', 'open').execute();
    const page = await slaPage(candidates, (row) => levels.slaOf(row, now), { filter: q.sla, limit: q.limit, cursor: q.cursor }, now);
    return { data: await this.agentViews(page.rows), next: page.next };
  }

  private publishCreated(row: ConversationRow, startedBy: 'visitor' | 'team'): void {
    this.bus.publish('conversation.created', { workspaceId: row.workspace_id, contactId: row.contact_id, conversationId: row.id, startedBy });
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
