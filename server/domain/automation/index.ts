/**
 * Automation rules (docs/automation.md): "when <trigger> and <conditions>
 * then <actions>", their store, the engine that follows the domain bus, and
 * the run log. Wired once per process by `createAutomation`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import type { CannedReplies } from '../canned-replies/index.js';
import type { ContactStore } from '../contacts/index.js';
import type { TargetingContexts } from '../content/index.js';
import type { Conversations, MessageLog } from '../conversations/index.js';
import type { NoteStore } from '../notes/index.js';
import { BackgroundJobs, type Routing } from '../routing/index.js';
import type { SurveyStore } from '../surveys/index.js';
import type { TagStore } from '../tags/index.js';
import type { Webhooks } from '../webhooks/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import { AutomationActions } from './actions.js';
import { AutomationEngine } from './engine.js';
import { AutomationRuleStore } from './rule-store.js';
import { AutomationRunLog } from './run-log.js';
import { AutomationWebhookCall } from './webhook-call.js';

export { AutomationActions, type ActionScope } from './actions.js';
export { AutomationEngine } from './engine.js';
export { causedByAutomation, withinAutomation, type AutomationOrigin } from './origin.js';
export { AutomationRuleStore, toAutomationRule } from './rule-store.js';
export { AutomationRunLog, outcomeOf } from './run-log.js';
export type { TriggerEvent } from './trigger-event.js';
export { AutomationWebhookCall } from './webhook-call.js';

export interface Automation {
  rules: AutomationRuleStore;
  runs: AutomationRunLog;
  engine: AutomationEngine;
  /** Resolves when every automation run started so far has finished (tests, shutdown). */
  settled(): Promise<void>;
  /** Unexpected failures (a bug, the store going away): the edge that has a logger listens. Returns the unsubscribe function. */
  onError(listener: (err: unknown) => void): () => void;
  stop(): void;
}

export interface AutomationDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  targeting: TargetingContexts;
  surveys: SurveyStore;
  conversations: Conversations;
  messages: MessageLog;
  contacts: ContactStore;
  tags: TagStore;
  notes: NoteStore;
  cannedReplies: CannedReplies;
  workspaces: WorkspaceDirectory;
  routing: Pick<Routing, 'manual' | 'settled'>;
  webhooks: Pick<Webhooks, 'subscriptions' | 'outbox'>;
}

/** Builds the automation services and starts following the bus. */
export function createAutomation(deps: AutomationDeps): Automation {
  const jobs = new BackgroundJobs();
  const rules = new AutomationRuleStore(deps.db);
  const runs = new AutomationRunLog(deps.db);
  const actions = new AutomationActions({ ...deps, assignment: deps.routing.manual, webhookCall: new AutomationWebhookCall(deps.webhooks) });
  const engine = new AutomationEngine({ db: deps.db, bus: deps.bus, rules, runs, actions, targeting: deps.targeting, surveys: deps.surveys, jobs, routed: () => deps.routing.settled() });
  const stop = engine.start();
  return { rules, runs, engine, settled: () => jobs.settled(), onError: (listener) => jobs.onError(listener), stop };
}
