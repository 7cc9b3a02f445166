/**
 * Reassign on offline (workspace setting `reassignOnOffline`): when an
 * agent's last inbox socket has been gone for the grace period (60 s by
 * default: a page reload or a network blip must not shuffle their queue),
 * each of their open conversations goes back to its team's strategy — to
 * another online member with room — or to nobody (keeping the team) when the
 * team is `manual`, nobody has room, or it has no team.
 *
 * The setting and the presence are checked again when the grace period ends:
 * an agent back online in time keeps everything.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { nowIso } from '../ids.js';
import type { AgentRef, PresenceChange, PresenceRegistry } from '../presence/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import type { BackgroundJobs } from './background-jobs.js';
import type { QueueDrain } from './drain-queue.js';
import { RoutedMeanwhile, rolledBackIfRoutedMeanwhile } from './routed-meanwhile.js';
import type { TeamPool } from './team-pool.js';

/** Schedules `fire` after `ms`; returns the cancel function. Tests pass their own to end a grace period when they choose. */
export type GraceTimer = (fire: () => void, ms: number) => () => void;

const realTimer: GraceTimer = (fire, ms) => {
  const timer = setTimeout(fire, ms);
  // A pending hand-out must not keep a stopping process alive.
  timer.unref();
  return () => clearTimeout(timer);
};

export interface OfflineReassignOptions {
  graceMs: number;
  timer: GraceTimer;
}

export const DEFAULT_OFFLINE_GRACE_MS = 60_000;

export interface OfflineReassignDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  presence: PresenceRegistry;
  workspaces: WorkspaceDirectory;
  pool: TeamPool;
  jobs: BackgroundJobs;
  drain: QueueDrain;
}

export class OfflineReassignment {
  private options: OfflineReassignOptions = { graceMs: DEFAULT_OFFLINE_GRACE_MS, timer: realTimer };
  /** agent id → cancel of its pending grace period. */
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly deps: OfflineReassignDeps) {}

  /** Changes the grace period or the timer (tests); applies to grace periods that start afterwards. */
  configure(options: Partial<OfflineReassignOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /** Follows presence changes; returns the function that stops (and cancels pending grace periods). */
  start(): () => void {
    const off = this.deps.presence.onChange((change) => this.onPresence(change));
    return () => {
      off();
      this.pending.forEach((cancel) => cancel());
      this.pending.clear();
    };
  }

  /** Hands out every open conversation of the agent now; returns how many moved. */
  async reassignAll(agent: AgentRef): Promise<number> {
    const rows = await this.deps.db
      .selectFrom('conversations')
      .leftJoin('teams', 'teams.id', 'conversations.team_id')
      .select(['conversations.id', 'conversations.contact_id', 'conversations.team_id', 'teams.strategy'])
      .where('conversations.workspace_id', '=', agent.workspaceId)
      .where('conversations.assignee_id', '=', agent.agentId)
      .where('conversations.status', '=', 'open')
      .orderBy('conversations.created_at')
      .execute();
    let moved = 0;
    const leftWaiting = new Set<string>();
    // One small transaction per conversation: the others' assignments interleave fairly.
    for (const row of rows) {
      const strategy = row.team_id && row.strategy && row.strategy !== 'manual' ? row.strategy : null;
      const done = await rolledBackIfRoutedMeanwhile(
        this.deps.db.transaction().execute(async (trx) => {
          const next = strategy && row.team_id ? await this.deps.pool.take(trx, { workspaceId: agent.workspaceId, teamId: row.team_id, strategy, exclude: agent.agentId }) : null;
          const written = await trx
            .updateTable('conversations')
            .set({ assignee_id: next, updated_at: nowIso() })
            .where('id', '=', row.id)
            .where('assignee_id', '=', agent.agentId)
            .where('status', '=', 'open')
            .executeTakeFirst();
          if (written.numUpdatedRows === 0n) throw new RoutedMeanwhile();
          return { next };
        }),
      );
      if (!done) continue;
      moved += 1;
      if (!done.next && strategy && row.team_id) leftWaiting.add(row.team_id);
      this.deps.bus.publish('conversation.updated', { workspaceId: agent.workspaceId, contactId: row.contact_id, conversationId: row.id });
    }
    // Nobody had room when they were handed out: room made meanwhile must not be missed (drain-queue.ts).
    this.deps.drain.teamsWaiting(agent.workspaceId, [...leftWaiting]);
    return moved;
  }

  private onPresence(change: PresenceChange): void {
    this.pending.get(change.agentId)?.();
    this.pending.delete(change.agentId);
    if (change.presence !== 'offline') return;
    this.deps.jobs.run(async () => {
      const ws = await this.deps.workspaces.byId(change.workspaceId);
      if (!ws.reassignOnOffline) return;
      // Back online while the setting was read: nothing to schedule.
      if ((await this.presenceOf(change)) !== 'offline') return;
      this.pending.get(change.agentId)?.();
      const cancel = this.options.timer(() => {
        this.pending.delete(change.agentId);
        this.deps.jobs.run(() => this.graceEnded(change));
      }, this.options.graceMs);
      this.pending.set(change.agentId, cancel);
    });
  }

  private async graceEnded(agent: AgentRef): Promise<void> {
    if ((await this.presenceOf(agent)) !== 'offline') return;
    const ws = await this.deps.workspaces.byId(agent.workspaceId);
    if (!ws.reassignOnOffline) return;
    await this.reassignAll(agent);
  }

  private async presenceOf(agent: AgentRef) {
    return (await this.deps.presence.presenceOf(agent.workspaceId, [agent.agentId])).get(agent.agentId);
  }
}
