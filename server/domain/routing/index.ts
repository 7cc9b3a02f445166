/**
 * Routing of conversations to teams and agents (issue #7): assignment rules,
 * automatic assignment of new conversations, hand-out when an agent goes
 * offline, waiting conversations handed out as room appears, and assignment
 * by hand. Wired once per process by `createRouting`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import type { TargetingContexts } from '../content/index.js';
import type { Conversations } from '../conversations/index.js';
import type { PresenceRegistry } from '../presence/index.js';
import type { TeamStore } from '../teams/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import { AutoAssignment } from './auto-assign.js';
import { BackgroundJobs } from './background-jobs.js';
import { QueueDrain } from './drain-queue.js';
import { ManualAssignment } from './manual-assign.js';
import { OfflineReassignment } from './offline-reassign.js';
import { AssignmentRuleStore } from './rule-store.js';
import { TeamPool } from './team-pool.js';

export { AutoAssignment, type RoutingHold, type RoutingResult } from './auto-assign.js';
export { BackgroundJobs } from './background-jobs.js';
export { type Candidate, chooseAgent, hasRoom, type PickStrategy } from './choose-agent.js';
export { conversationFacts } from './conversation-facts.js';
export { type DrainedAssignment, isWaiting, QueueDrain } from './drain-queue.js';
export { ManualAssignment } from './manual-assign.js';
export { DEFAULT_OFFLINE_GRACE_MS, type GraceTimer, OfflineReassignment, type OfflineReassignOptions } from './offline-reassign.js';
export { AssignmentRuleStore, toAssignmentRule } from './rule-store.js';
export { type PoolRequest, TeamPool } from './team-pool.js';

export interface Routing {
  rules: AssignmentRuleStore;
  auto: AutoAssignment;
  offline: OfflineReassignment;
  /** Waiting conversations handed out when an agent comes online or has room again. */
  drain: QueueDrain;
  manual: ManualAssignment;
  /** Resolves when every routing job started so far has finished (tests, shutdown). */
  settled(): Promise<void>;
  /** Failures of background routing jobs (the edge that has a logger listens); returns the unsubscribe function. */
  onError(listener: (err: unknown) => void): () => void;
  stop(): void;
}

export interface RoutingDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  presence: PresenceRegistry;
  targeting: TargetingContexts;
  workspaces: WorkspaceDirectory;
  teams: TeamStore;
  /** Told when a change makes room or makes a conversation wait (the queue is drained then). */
  conversations: Pick<Conversations, 'useRouting'>;
}

/** Builds the routing services and starts following new conversations and presence changes. */
export function createRouting(deps: RoutingDeps): Routing {
  const jobs = new BackgroundJobs();
  const rules = new AssignmentRuleStore(deps.db);
  const pool = new TeamPool(deps.presence);
  const drain = new QueueDrain({ db: deps.db, bus: deps.bus, presence: deps.presence, pool, jobs });
  const auto = new AutoAssignment({ db: deps.db, bus: deps.bus, rules, targeting: deps.targeting, pool, jobs, drain });
  const offline = new OfflineReassignment({ db: deps.db, bus: deps.bus, presence: deps.presence, workspaces: deps.workspaces, pool, jobs, drain });
  deps.conversations.useRouting(drain);
  const stops = [auto.start(), offline.start(), drain.start()];
  return {
    rules,
    auto,
    offline,
    drain,
    manual: new ManualAssignment(deps.db, deps.bus, deps.teams, drain),
    settled: () => jobs.settled(),
    onError: (listener) => jobs.onError(listener),
    stop: () => stops.forEach((stop) => stop()),
  };
}
