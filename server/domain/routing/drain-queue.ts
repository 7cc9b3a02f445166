/**
 * Waiting conversations go to agents as room appears (Intercom's balanced
 * assignment, Chatwoot's auto-assignment). A conversation *waits* when it is
 * open, has a team whose strategy is not `manual`, and has no agent: routing
 * found nobody online with room, or a person unassigned it. Room appears when
 * an agent comes online (presence) and when an agent's load drops (one of
 * their open conversations was closed, snoozed, unassigned or given to someone
 * else); then the waiting conversations of the agent's teams are handed out,
 * oldest first, each with its team's own strategy, to online members with
 * room, until nobody has room or nothing waits.
 *
 * The guarantees are those of every routing path: one small transaction per
 * conversation in which `TeamPool` picks (capacity counted after the locks)
 * and a compare-and-set on "still open, in this team, without an agent"
 * writes, so two drains at once, a drain and a new conversation's routing, or
 * a drain and a person never assign a conversation twice or an agent past
 * capacity.
 *
 * No lost wake-up: every trigger comes after the write that made room (or made
 * a conversation wait) is durable, and a trigger arriving while this process
 * drains the workspace makes it drain again once more, so a drain that read
 * the queue before that write is always followed by one that reads after.
 */
import type { Kysely } from 'kysely';
import type { ConversationRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import type { ConversationRoutingHooks } from '../conversations/index.js';
import { nowIso } from '../ids.js';
import type { AgentRef, PresenceRegistry } from '../presence/index.js';
import type { BackgroundJobs } from './background-jobs.js';
import type { PickStrategy } from './choose-agent.js';
import { RoutedMeanwhile, rolledBackIfRoutedMeanwhile } from './routed-meanwhile.js';
import type { TeamPool } from './team-pool.js';

/** Waiting conversations read per query; the next query takes the rest. */
const BATCH = 50;

export interface QueueDrainDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  presence: PresenceRegistry;
  pool: TeamPool;
  jobs: BackgroundJobs;
}

/** One conversation handed out by a drain. */
export interface DrainedAssignment {
  conversationId: string;
  teamId: string;
  assigneeId: string;
}

interface Waiting {
  id: string;
  contact_id: string;
  team_id: string;
  strategy: PickStrategy;
}

/** Open, with a team, without an agent: what a drain hands out (when the team's strategy is not manual). */
export const isWaiting = (row: Pick<ConversationRow, 'status' | 'team_id' | 'assignee_id'>): boolean =>
  row.status === 'open' && row.team_id !== null && row.assignee_id === null;

/** What a drain pass is asked to do: the teams whose queues to drain, and who must not get a conversation straight back. */
interface DrainRequest {
  teams: Set<string>;
  /** conversation id → the agent a person just took it from (not handed straight back to them). */
  spare: Map<string, string>;
}

export class QueueDrain implements ConversationRoutingHooks {
  /** Workspaces this process is draining now → what to drain again once the current pass ends. */
  private readonly draining = new Map<string, DrainRequest>();
  private stopped = false;

  constructor(private readonly deps: QueueDrainDeps) {}

  /** Follows presence: an agent coming online (from offline or away) may take waiting conversations. Returns the stop function. */
  start(): () => void {
    const off = this.deps.presence.onChange((change) => {
      if (change.presence === 'online') this.agentHasRoom(change);
    });
    return () => {
      off();
      this.stopped = true;
    };
  }

  /**
   * A conversation changed (conversations and assignment by hand call this
   * once it is written): its agent's load dropped, or it waits now, or both —
   * a person unassigned it keeping the team. Then the drain this starts gives
   * the agent the next waiting conversation rather than that one back.
   */
  changed(before: ConversationRow, after: ConversationRow): void {
    const releasedBy = before.status === 'open' && (after.status !== 'open' || after.assignee_id !== before.assignee_id) ? before.assignee_id : null;
    const waitsIn = isWaiting(after) && !isWaiting(before) ? after.team_id : null;
    if (releasedBy) {
      this.agentHasRoom({ workspaceId: after.workspace_id, agentId: releasedBy }, { teams: waitsIn ? [waitsIn] : [], spare: waitsIn ? [[after.id, releasedBy]] : [] });
    } else if (waitsIn) {
      this.teamsWaiting(after.workspace_id, [waitsIn]);
    }
  }

  /** The agent may have room now: drains the queues of their teams (and `also`'s) in the background. */
  agentHasRoom(agent: AgentRef, also: { teams: string[]; spare: Array<[string, string]> } = { teams: [], spare: [] }): void {
    if (this.stopped) return;
    this.deps.jobs.run(async () => {
      const teams = await this.deps.db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select('teams.id')
        .where('team_members.agent_id', '=', agent.agentId)
        .where('teams.workspace_id', '=', agent.workspaceId)
        .where('teams.strategy', '!=', 'manual')
        .execute();
      this.teamsWaiting(agent.workspaceId, [...teams.map((t) => t.id), ...also.teams], also.spare);
    });
  }

  /**
   * Conversations may wait in these teams with room somewhere: drains them in
   * the background. While this process drains the workspace, the request joins
   * its next pass instead (one drain per workspace at a time here; other
   * processes are kept apart by the transactions).
   */
  teamsWaiting(workspaceId: string, teamIds: readonly string[], spare: ReadonlyArray<[string, string]> = []): void {
    if (this.stopped || teamIds.length === 0) return;
    const next = this.draining.get(workspaceId);
    if (next) {
      teamIds.forEach((id) => next.teams.add(id));
      spare.forEach(([conversationId, agentId]) => next.spare.set(conversationId, agentId));
      return;
    }
    this.draining.set(workspaceId, { teams: new Set(teamIds), spare: new Map(spare) });
    this.deps.jobs.run(async () => {
      try {
        for (;;) {
          const request = this.draining.get(workspaceId);
          if (!request || request.teams.size === 0) return;
          this.draining.set(workspaceId, { teams: new Set(), spare: new Map() });
          await this.drain(workspaceId, [...request.teams], request.spare);
        }
      } finally {
        this.draining.delete(workspaceId);
      }
    });
  }

  /**
   * Hands out the waiting conversations of these teams now, oldest first,
   * until no member has room or nothing waits; returns what it assigned. Safe
   * to run at the same time as itself and every other routing path.
   *
   * @param spare conversation id → an agent not to give it to (the one a person just took it from)
   */
  async drain(workspaceId: string, teamIds: readonly string[], spare: ReadonlyMap<string, string> = new Map()): Promise<DrainedAssignment[]> {
    const open = new Set(teamIds);
    /** Conversations only their spared agent had room for: left waiting, the others still go. */
    const passed = new Set<string>();
    const assigned: DrainedAssignment[] = [];
    while (open.size > 0) {
      const batch = await this.waiting(workspaceId, [...open], passed);
      let progressed = false;
      for (const row of batch) {
        if (!open.has(row.team_id)) continue;
        const exclude = spare.get(row.id);
        const outcome = await this.handOut(workspaceId, row, exclude);
        if (outcome === 'no_room') {
          if (exclude) passed.add(row.id);
          else open.delete(row.team_id);
          progressed ||= exclude !== undefined;
          continue;
        }
        progressed = true;
        if (outcome === 'taken_meanwhile') continue;
        assigned.push({ conversationId: row.id, teamId: row.team_id, assigneeId: outcome.assigneeId });
        this.deps.bus.publish('conversation.updated', { workspaceId, contactId: row.contact_id, conversationId: row.id });
      }
      // Every conversation read was handed out, taken by someone else, passed over, or in a team without room.
      if (!progressed) break;
    }
    return assigned;
  }

  private async waiting(workspaceId: string, teamIds: readonly string[], passed: ReadonlySet<string>): Promise<Waiting[]> {
    let query = this.deps.db
      .selectFrom('conversations')
      .innerJoin('teams', 'teams.id', 'conversations.team_id')
      .select(['conversations.id', 'conversations.contact_id', 'conversations.team_id', 'teams.strategy'])
      .where('conversations.workspace_id', '=', workspaceId)
      .where('conversations.team_id', 'in', [...teamIds])
      .where('conversations.assignee_id', 'is', null)
      .where('conversations.status', '=', 'open')
      .where('teams.strategy', '!=', 'manual');
    if (passed.size > 0) query = query.where('conversations.id', 'not in', [...passed]);
    const rows = await query.orderBy('conversations.created_at').orderBy('conversations.id').limit(BATCH).execute();
    return rows.flatMap((r) => (r.team_id && r.strategy !== 'manual' ? [{ id: r.id, contact_id: r.contact_id, team_id: r.team_id, strategy: r.strategy }] : []));
  }

  /** One conversation, one transaction: the pick and the compare-and-set write commit together or not at all. */
  private async handOut(workspaceId: string, row: Waiting, exclude: string | undefined): Promise<{ assigneeId: string } | 'no_room' | 'taken_meanwhile'> {
    const outcome = await rolledBackIfRoutedMeanwhile(
      this.deps.db.transaction().execute(async (trx) => {
        const assigneeId = await this.deps.pool.take(trx, { workspaceId, teamId: row.team_id, strategy: row.strategy, exclude });
        if (!assigneeId) return 'no_room' as const;
        const written = await trx
          .updateTable('conversations')
          .set({ assignee_id: assigneeId, updated_at: nowIso() })
          .where('id', '=', row.id)
          .where('team_id', '=', row.team_id)
          .where('assignee_id', 'is', null)
          .where('status', '=', 'open')
          .executeTakeFirst();
        // Rolls back the pick (the agent's last assignment time, the round-robin cursor) too.
        if (written.numUpdatedRows === 0n) throw new RoutedMeanwhile();
        return { assigneeId };
      }),
    );
    return outcome ?? 'taken_meanwhile';
  }
}
