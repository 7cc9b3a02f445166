/**
 * The automation engine: follows the domain bus, and for each trigger runs
 * the workspace's enabled rules of that trigger in position order. A rule
 * whose conditions hold runs its actions in order (an action that fails is
 * logged and the next one still runs); `stop_processing` ends the list for
 * that event. Every matching rule leaves a row in the run log.
 *
 * - Conditions are evaluated against the contact (traits, events, segments,
 *   last page) plus the facts of trigger-facts.ts, all read once, before the
 *   first rule acts: every rule of an event sees the same state.
 * - Work runs in the background, after the request or socket event that
 *   caused it has been answered, one event at a time per contact (in the
 *   order they came), so a failure never reaches the caller.
 * - Loop guard (origin.ts): events published by a rule's actions are ignored,
 *   so automation never triggers automation.
 * - Several nodes: the bus is in-process, so each event is handled only on the
 *   node where it happened, and a rule fires once per event cluster-wide.
 */
import { evaluateRule, type AutomationActionResult, type AutomationRule, type TargetingContext } from '../../../protocol/index.js';
import type { Kysely } from 'kysely';
import type { ConversationRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { lastPage } from '../content/contact-facts.js';
import type { TargetingContexts } from '../content/index.js';
import { ParleyError } from '../errors.js';
import { newId } from '../ids.js';
import type { BackgroundJobs } from '../routing/index.js';
import type { SurveyStore } from '../surveys/index.js';
import type { AutomationActions } from './actions.js';
import { causedByAutomation, withinAutomation } from './origin.js';
import type { AutomationRuleStore } from './rule-store.js';
import type { AutomationRunLog } from './run-log.js';
import { conversationFactsNow, triggerFacts } from './trigger-facts.js';
import type { TriggerEvent } from './trigger-event.js';

export interface EngineDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  rules: AutomationRuleStore;
  runs: AutomationRunLog;
  actions: AutomationActions;
  targeting: TargetingContexts;
  surveys: SurveyStore;
  jobs: BackgroundJobs;
  /** Resolves when assignment rules have routed the conversations created so far: `conversation_created` runs after them. */
  routed: () => Promise<void>;
}

export class AutomationEngine {
  /** One chain per contact: its events are handled in the order they came. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly deps: EngineDeps) {}

  /** Follows the bus; returns the unsubscribe function. */
  start(): () => void {
    const { bus } = this.deps;
    const stops = [
      bus.subscribe('conversation.created', (e) => this.take({ trigger: 'conversation_created', workspaceId: e.workspaceId, contactId: e.contactId, conversationId: e.conversationId })),
      bus.subscribe('message.created', (e) => {
        if (e.message.authorType !== 'visitor') return;
        this.take({ trigger: 'message_received', workspaceId: e.workspaceId, contactId: e.contactId, conversationId: e.message.conversationId, body: e.message.body });
      }),
      bus.subscribe('conversation.tags_added', (e) => {
        for (const tagId of e.tagIds) this.take({ trigger: 'tag_added', workspaceId: e.workspaceId, contactId: e.contactId, conversationId: e.conversationId, tagId });
      }),
      bus.subscribe('survey.response', (e) =>
        this.take({ trigger: 'survey_answered', workspaceId: e.workspaceId, contactId: e.contactId, conversationId: e.response.conversation_id, response: e.response }),
      ),
      bus.subscribe('contact.events', (e) => {
        for (const eventName of e.tracked ?? []) this.take({ trigger: 'event_tracked', workspaceId: e.workspaceId, contactId: e.contactId, conversationId: null, eventName });
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Called synchronously by the bus: an event an automation caused is dropped here (the loop guard). */
  private take(event: TriggerEvent): void {
    if (causedByAutomation()) return;
    const key = event.contactId;
    const next = (this.chains.get(key) ?? Promise.resolve()).then(async () => {
      // After the current I/O turn: the caller's answer goes out first (SQLite has one connection).
      await new Promise((resolve) => setImmediate(resolve));
      await this.handle(event);
    });
    const tail = next.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => this.chains.get(key) === tail && this.chains.delete(key));
    this.deps.jobs.run(() => next);
  }

  /** Runs the rules of one event; answers the rules that matched (tests). */
  async handle(event: TriggerEvent): Promise<AutomationRule[]> {
    const rules = await this.deps.rules.enabledFor(event.workspaceId, event.trigger);
    if (rules.length === 0) return [];
    if (event.trigger === 'conversation_created') await this.deps.routed();
    const conversation = await this.conversationOf(event);
    if (event.conversationId !== null && !conversation) return [];
    const ctx = await this.context(event, rules, conversation);
    if (!ctx) return [];
    const matched: AutomationRule[] = [];
    for (const rule of rules) {
      if (!evaluateRule(rule.conditions, ctx, Date.now())) continue;
      matched.push(rule);
      await this.runRule(rule, event, conversation?.id ?? null);
      if (rule.stop_processing) break;
    }
    return matched;
  }

  private async runRule(rule: AutomationRule, event: TriggerEvent, conversationId: string | null): Promise<void> {
    const runKey = newId('run');
    const scope = { rule, runKey, trigger: event.trigger, workspaceId: event.workspaceId, contactId: event.contactId, conversationId };
    const results = await withinAutomation({ ruleId: rule.id, depth: 1 }, async () => {
      const done: AutomationActionResult[] = [];
      for (const [index, action] of rule.actions.entries()) {
        try {
          await this.deps.actions.run(action, index, scope);
          done.push({ type: action.type, ok: true, error: null });
        } catch (err) {
          done.push({ type: action.type, ok: false, error: this.describe(err) });
        }
      }
      return done;
    });
    // A log that cannot be written (the rule deleted meanwhile) does not keep the next rules from running.
    await this.deps.runs
      .record({ workspaceId: event.workspaceId, ruleId: rule.id, trigger: event.trigger, conversationId, contactId: event.contactId, actions: results })
      .catch((err: unknown) => this.report(err));
  }

  /** A domain error says what went wrong; anything else is reported to the logger and logged as "internal error". */
  private describe(err: unknown): string {
    if (err instanceof ParleyError) return err.message;
    this.report(err);
    return 'internal error';
  }

  /** To the jobs' error listeners (the edge's logger), without failing the run. */
  private report(err: unknown): void {
    this.deps.jobs.run(() => Promise.reject(err));
  }

  /** The event's conversation; for one without, the contact's most recently active one that is not closed (or none). */
  private async conversationOf(event: TriggerEvent): Promise<ConversationRow | undefined> {
    let query = this.deps.db.selectFrom('conversations').selectAll().where('workspace_id', '=', event.workspaceId);
    if (event.conversationId !== null) return query.where('id', '=', event.conversationId).executeTakeFirst();
    query = query.where('contact_id', '=', event.contactId).where('status', '!=', 'closed');
    return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  }

  private async context(event: TriggerEvent, rules: AutomationRule[], conversation: ConversationRow | undefined): Promise<TargetingContext | null> {
    const { db, targeting, surveys } = this.deps;
    const contact = await db.selectFrom('contacts').selectAll().where('id', '=', event.contactId).where('workspace_id', '=', event.workspaceId).executeTakeFirst();
    if (!contact) return null;
    const now = Date.now();
    const [base, ofConversation, ofTrigger] = await Promise.all([
      targeting.forContact(
        contact,
        rules.map((r) => r.conditions),
        now,
      ),
      conversation ? conversationFactsNow(db, conversation) : Promise.resolve({}),
      triggerFacts(db, surveys, event),
    ]);
    // The conversation's and the trigger's facts shadow a contact trait of the same name.
    return { ...base, traits: { ...base.traits, ...ofConversation, ...ofTrigger }, page: lastPage(contact) };
  }
}
