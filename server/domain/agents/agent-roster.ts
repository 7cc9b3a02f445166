/**
 * The workspace's agents as the inbox lists them — role, capacity, presence and
 * how many open conversations each holds — and the admin's changes to them.
 */
import type { Kysely } from 'kysely';
import type { AgentPresence, AgentProfile, UpdateAgentInput } from '../../../protocol/index.js';
import type { AgentRow, Database } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import type { PresenceRegistry } from '../presence/index.js';
import { toAgentProfile } from './agents.js';

export function toRosterProfile(row: AgentRow, presence: AgentPresence, openAssigned: number): AgentProfile {
  return { ...toAgentProfile(row), presence, capacity: Number(row.capacity ?? 0), open_assigned: openAssigned };
}

export class AgentRoster {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly presence: PresenceRegistry,
  ) {}

  async list(workspaceId: string): Promise<AgentProfile[]> {
    const rows = await this.db.selectFrom('agents').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
    return this.profiles(workspaceId, rows);
  }

  async get(workspaceId: string, agentId: string): Promise<AgentProfile> {
    const row = await this.db.selectFrom('agents').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', agentId).executeTakeFirst();
    if (!row) throw notFound('agent');
    const [profile] = await this.profiles(workspaceId, [row]);
    return profile;
  }

  /** Role, capacity, name. The workspace always keeps an admin: demoting the last one is refused. */
  async update(workspaceId: string, agentId: string, patch: UpdateAgentInput): Promise<AgentProfile> {
    // Inside the transaction only `trx` is read: SQLite has one connection, held by it.
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('agents').select(['id', 'role']).where('workspace_id', '=', workspaceId).where('id', '=', agentId).executeTakeFirst();
      if (!row) throw notFound('agent');
      if (patch.role === 'agent' && row.role === 'admin') {
        const admins = await trx
          .selectFrom('agents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .where('role', '=', 'admin')
          .executeTakeFirst();
        if (Number(admins?.n ?? 0) <= 1) throw new ParleyError('conflict', 'the workspace needs at least one admin');
      }
      await trx
        .updateTable('agents')
        .set({
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
        })
        .where('id', '=', agentId)
        .execute();
    });
    return this.get(workspaceId, agentId);
  }

  /** Sets or clears the agent's own `away`; returns its profile with the presence that results. */
  async setAway(workspaceId: string, agentId: string, away: boolean): Promise<AgentProfile> {
    await this.presence.setAway({ workspaceId, agentId }, away);
    return this.get(workspaceId, agentId);
  }

  private async profiles(workspaceId: string, rows: AgentRow[]): Promise<AgentProfile[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [presence, loads] = await Promise.all([this.presence.presenceOf(workspaceId, ids), openAssignedCounts(this.db, ids)]);
    return rows.map((r) => toRosterProfile(r, presence.get(r.id) ?? 'offline', loads.get(r.id) ?? 0));
  }
}

/**
 * Open conversations assigned to each agent: what capacity is measured
 * against (snoozed and closed ones don't count).
 */
export async function openAssignedCounts(db: Kysely<Database>, agentIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (agentIds.length === 0) return counts;
  const rows = await db
    .selectFrom('conversations')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', [...agentIds])
    .where('status', '=', 'open')
    .groupBy('assignee_id')
    .execute();
  for (const row of rows) if (row.assignee_id) counts.set(row.assignee_id, Number(row.n));
  return counts;
}
