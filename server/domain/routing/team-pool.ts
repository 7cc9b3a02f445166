/**
 * Takes an agent from a team for one conversation, inside the caller's
 * transaction, so the choice and the write that records it commit together.
 *
 * Safe under concurrency on both stores:
 * - SQLite has one writer (and this server one connection): transactions run
 *   one after another, so each sees the previous one's assignment.
 * - Postgres: the team row is locked first (an UPDATE of it, the portable
 *   spelling of `SELECT … FOR UPDATE`), so two assignments from one team read
 *   the round-robin cursor one after the other; then the candidates' agent rows
 *   are locked, in id order (no deadlock between teams sharing agents), before
 *   their open conversations are counted, so an agent shared with another team
 *   can't be filled past capacity by both at once. Counting happens in a
 *   statement after the locks: under READ COMMITTED it sees what the previous
 *   lock holder committed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { openAssignedCounts } from '../agents/index.js';
import { nowIso } from '../ids.js';
import type { PresenceRegistry } from '../presence/index.js';
import { type Candidate, chooseAgent, type PickStrategy } from './choose-agent.js';

export interface PoolRequest {
  workspaceId: string;
  teamId: string;
  strategy: PickStrategy;
  /** An agent not to pick (the one whose conversations are being handed out again). */
  exclude?: string;
}

export class TeamPool {
  constructor(private readonly presence: PresenceRegistry) {}

  /**
   * The agent who gets the conversation, or null when no member is online
   * with room. Records the pick (the agent's last assignment time, the
   * round-robin cursor) through `trx`; the caller writes the conversation in
   * the same transaction and rolls back if that write finds it taken.
   */
  async take(trx: Kysely<Database>, req: PoolRequest): Promise<string | null> {
    const locked = await trx
      .updateTable('teams')
      .set((eb) => ({ rr_cursor: eb.ref('rr_cursor') }))
      .where('id', '=', req.teamId)
      .where('workspace_id', '=', req.workspaceId)
      .executeTakeFirst();
    if (locked.numUpdatedRows === 0n) return null; // the team is gone
    const team = await trx.selectFrom('teams').select('rr_cursor').where('id', '=', req.teamId).executeTakeFirstOrThrow();
    const members = await trx
      .selectFrom('team_members')
      .select(['agent_id', 'position'])
      .where('team_id', '=', req.teamId)
      .orderBy('position')
      .execute();
    const presence = await this.presence.presenceOf(
      req.workspaceId,
      members.map((m) => m.agent_id),
    );
    const online = members.filter((m) => m.agent_id !== req.exclude && presence.get(m.agent_id) === 'online');
    if (online.length === 0) return null;

    const ids = online.map((m) => m.agent_id).sort();
    for (const id of ids) await trx.updateTable('agents').set((eb) => ({ capacity: eb.ref('capacity') })).where('id', '=', id).execute();
    const [agents, loads] = await Promise.all([
      trx.selectFrom('agents').select(['id', 'capacity', 'last_assigned_at']).where('id', 'in', ids).execute(),
      openAssignedCounts(trx, ids),
    ]);
    const byId = new Map(agents.map((a) => [a.id, a]));
    const candidates: Candidate[] = online.map((m) => ({
      agentId: m.agent_id,
      position: Number(m.position),
      load: loads.get(m.agent_id) ?? 0,
      capacity: Number(byId.get(m.agent_id)?.capacity ?? 0),
      lastAssignedAt: byId.get(m.agent_id)?.last_assigned_at ?? null,
    }));
    const cursor = members.find((m) => m.agent_id === team.rr_cursor);
    const chosen = chooseAgent(req.strategy, candidates, cursor ? Number(cursor.position) : null);
    if (!chosen) return null;

    await trx.updateTable('agents').set({ last_assigned_at: nowIso() }).where('id', '=', chosen.agentId).execute();
    if (req.strategy === 'round_robin') await trx.updateTable('teams').set({ rr_cursor: chosen.agentId }).where('id', '=', req.teamId).execute();
    return chosen.agentId;
  }
}
