/**
 * Routes every new conversation (`conversation.created`): the first enabled
 * assignment rule whose `when` holds sets the team and the priority, and its
 * strategy picks an online member with room (`TeamPool`). No rule matches:
 * the conversation stays unassigned, without a team.
 *
 * `when` is evaluated against the contact (traits, events, segments, its last
 * page as the page) plus the conversation's attributes as `conversation.*`
 * traits. Facts are read before the transaction; inside it only the
 * conversation, the team and its agents are read, through `trx`.
 */
import type { Kysely, Updateable } from 'kysely';
import { type AssignmentRule, evaluateRule, type TargetingContext } from '../../../protocol/index.js';
import type { ConversationRow, Database } from '../../store/index.js';
import type { DomainBus, DomainEvents } from '../bus.js';
import { lastPage } from '../content/contact-facts.js';
import type { TargetingContexts } from '../content/index.js';
import { nowIso } from '../ids.js';
import type { AssignmentRuleStore } from './rule-store.js';
import type { BackgroundJobs } from './background-jobs.js';
import { conversationFacts } from './conversation-facts.js';
import type { QueueDrain } from './drain-queue.js';
import { RoutedMeanwhile, rolledBackIfRoutedMeanwhile } from './routed-meanwhile.js';
import type { TeamPool } from './team-pool.js';

export interface AutoAssignmentDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  rules: AssignmentRuleStore;
  targeting: TargetingContexts;
  pool: TeamPool;
  jobs: BackgroundJobs;
  drain: QueueDrain;
}

export interface RoutingResult {
  rule: AssignmentRule;
  teamId: string | null;
  assigneeId: string | null;
}

/** Asked before a new conversation is routed: true holds it (a bot talks first and calls `route` when it hands over). */
export type RoutingHold = (event: DomainEvents['conversation.created']) => Promise<boolean>;

export class AutoAssignment {
  private hold: RoutingHold | null = null;

  constructor(private readonly deps: AutoAssignmentDeps) {}

  /** Plugs in the bots (createBots does, docs/bots.md): a conversation a bot talks in is routed when it hands over. */
  useHold(hold: RoutingHold): void {
    this.hold = hold;
  }

  /** Subscribes to new conversations; returns the unsubscribe function. */
  start(): () => void {
    return this.deps.bus.subscribe('conversation.created', (event) =>
      this.deps.jobs.run(async () => {
        // After the current I/O turn: the visitor's ack (and its view of the conversation) goes out
        // first, instead of queueing behind the routing's queries on SQLite's one connection.
        await new Promise((resolve) => setImmediate(resolve));
        await this.route(event);
      }),
    );
  }

  /** Applies the first matching rule; null when none matches or someone routed the conversation first. */
  async route(event: DomainEvents['conversation.created']): Promise<RoutingResult | null> {
    const { db } = this.deps;
    const rules = await this.deps.rules.enabled(event.workspaceId);
    if (rules.length === 0) return null;
    if (this.hold && (await this.hold(event))) return null;
    const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', event.conversationId).executeTakeFirst();
    if (!conversation || conversation.assignee_id !== null || conversation.team_id !== null) return null;
    const rule = await this.firstMatch(rules, conversation, event.startedBy);
    if (!rule) return null;

    const result = await rolledBackIfRoutedMeanwhile(
      db.transaction().execute(async (trx) => {
        const set: Updateable<ConversationRow> = { updated_at: nowIso() };
        if (rule.team_id) set.team_id = rule.team_id;
        if (rule.priority) set.priority = rule.priority;
        if (rule.team_id && rule.strategy !== 'manual' && conversation.status === 'open') {
          const agentId = await this.deps.pool.take(trx, { workspaceId: event.workspaceId, teamId: rule.team_id, strategy: rule.strategy });
          if (agentId) set.assignee_id = agentId;
        }
        // Compare-and-set: only a conversation nobody has routed yet (an agent may have taken it meanwhile).
        const written = await trx
          .updateTable('conversations')
          .set(set)
          .where('id', '=', conversation.id)
          .where('assignee_id', 'is', null)
          .where('team_id', 'is', null)
          .executeTakeFirst();
        if (written.numUpdatedRows === 0n) throw new RoutedMeanwhile();
        return { rule, teamId: set.team_id ?? null, assigneeId: set.assignee_id ?? null } satisfies RoutingResult;
      }),
    );
    if (result) this.deps.bus.publish('conversation.updated', { workspaceId: event.workspaceId, contactId: event.contactId, conversationId: event.conversationId });
    // Left waiting for want of room: drain the team once more, now that it is written. An agent who came online
    // (or made room) after the pick looked, but whose own drain read the queue before this commit, is not missed.
    if (result?.teamId && !result.assigneeId && rule.strategy !== 'manual' && conversation.status === 'open') this.deps.drain.teamsWaiting(event.workspaceId, [result.teamId]);
    return result;
  }

  private async firstMatch(rules: AssignmentRule[], conversation: ConversationRow, startedBy: 'visitor' | 'team'): Promise<AssignmentRule | null> {
    const contact = await this.deps.db.selectFrom('contacts').selectAll().where('id', '=', conversation.contact_id).executeTakeFirst();
    if (!contact) return null;
    const now = Date.now();
    const [base, facts] = await Promise.all([
      this.deps.targeting.forContact(
        contact,
        rules.map((r) => r.when),
        now,
      ),
      conversationFacts(this.deps.db, conversation, startedBy),
    ]);
    // The conversation's facts shadow a contact trait of the same name.
    const ctx: TargetingContext = { ...base, traits: { ...base.traits, ...facts }, page: lastPage(contact) };
    return rules.find((r) => evaluateRule(r.when, ctx, now)) ?? null;
  }
}
