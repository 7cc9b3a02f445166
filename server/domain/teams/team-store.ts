/**
 * Teams: a name, members (agents of the same workspace, in round-robin order)
 * and the strategy conversations given back to the team are handed out with.
 * Any agent reads them; the edge lets only admins write.
 */
import type { Kysely } from 'kysely';
import type { CreateTeamInput, Team, UpdateTeamInput } from '../../../protocol/index.js';
import type { Database, TeamRow } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { isUniqueViolation } from '../unique-violation.js';

export function toTeam(row: TeamRow, memberIds: string[]): Team {
  return { id: row.id, name: row.name, member_ids: memberIds, strategy: row.strategy, created_at: row.created_at, updated_at: row.updated_at };
}

export class TeamStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<Team[]> {
    const rows = await this.db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
    const members = await this.membersOf(rows.map((r) => r.id));
    return rows.map((r) => toTeam(r, members.get(r.id) ?? []));
  }

  /** One of this workspace's teams; any other answers 404, like a missing one. */
  async get(workspaceId: string, id: string, db: Kysely<Database> = this.db): Promise<Team> {
    const row = await db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('team');
    const members = await this.membersOf([row.id], db);
    return toTeam(row, members.get(row.id) ?? []);
  }

  async create(workspaceId: string, input: CreateTeamInput): Promise<Team> {
    const now = nowIso();
    const row: TeamRow = { id: newId('team'), workspace_id: workspaceId, name: input.name, strategy: input.strategy, rr_cursor: null, created_at: now, updated_at: now };
    // Everything inside reads through `trx`: SQLite has one connection, held by the transaction.
    return this.db
      .transaction()
      .execute(async (trx) => {
        await assertNameFree(trx, workspaceId, input.name, null);
        await assertAgents(trx, workspaceId, input.member_ids);
        await trx.insertInto('teams').values(row).execute();
        await writeMembers(trx, row.id, input.member_ids, now);
        return toTeam(row, input.member_ids);
      })
      .catch(nameTakenMeanwhile(input.name));
  }

  async update(workspaceId: string, id: string, patch: UpdateTeamInput): Promise<Team> {
    const renamed = this.db.transaction().execute(async (trx) => {
      const current = await this.get(workspaceId, id, trx);
      const now = nowIso();
      if (patch.name !== undefined && patch.name !== current.name) await assertNameFree(trx, workspaceId, patch.name, id);
      if (patch.member_ids) {
        await assertAgents(trx, workspaceId, patch.member_ids);
        await writeMembers(trx, id, patch.member_ids, now);
      }
      await trx
        .updateTable('teams')
        .set({ name: patch.name ?? current.name, strategy: patch.strategy ?? current.strategy, updated_at: now })
        .where('id', '=', id)
        .execute();
      return this.get(workspaceId, id, trx);
    });
    return renamed.catch(nameTakenMeanwhile(patch.name ?? ''));
  }

  /**
   * Deletes the team. Its conversations keep their agent and lose the team
   * (`conversations.team_id` has no foreign key); rules that sent conversations
   * to it keep running without a team (the foreign key sets theirs to null).
   */
  async remove(workspaceId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('teams').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('team');
      await trx.updateTable('conversations').set({ team_id: null }).where('workspace_id', '=', workspaceId).where('team_id', '=', id).execute();
    });
  }

  /** Whether the agent is a member of the team. */
  async isMember(teamId: string, agentId: string, db: Kysely<Database> = this.db): Promise<boolean> {
    const row = await db.selectFrom('team_members').select('agent_id').where('team_id', '=', teamId).where('agent_id', '=', agentId).executeTakeFirst();
    return row !== undefined;
  }

  private async membersOf(teamIds: string[], db: Kysely<Database> = this.db): Promise<Map<string, string[]>> {
    const byTeam = new Map<string, string[]>();
    if (teamIds.length === 0) return byTeam;
    const rows = await db
      .selectFrom('team_members')
      .select(['team_id', 'agent_id'])
      .where('team_id', 'in', teamIds)
      .orderBy('team_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = byTeam.get(row.team_id);
      if (list) list.push(row.agent_id);
      else byTeam.set(row.team_id, [row.agent_id]);
    }
    return byTeam;
  }
}

/** Two writers raced for one name (Postgres): the unique index refused the second. */
function nameTakenMeanwhile(name: string) {
  return (err: unknown): never => {
    if (isUniqueViolation(err)) throw new ParleyError('conflict', `a team named "${name}" already exists`);
    throw err;
  };
}

/** Names are unique per workspace (the unique index backs this up). */
async function assertNameFree(db: Kysely<Database>, workspaceId: string, name: string, exceptId: string | null): Promise<void> {
  let query = db.selectFrom('teams').select('id').where('workspace_id', '=', workspaceId).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new ParleyError('conflict', `a team named "${name}" already exists`);
}

/** Members must be agents of this workspace (an id from elsewhere reads as unknown). */
async function assertAgents(db: Kysely<Database>, workspaceId: string, agentIds: readonly string[]): Promise<void> {
  if (agentIds.length === 0) return;
  const found = new Set(
    (await db.selectFrom('agents').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...agentIds]).execute()).map((r) => r.id),
  );
  const index = agentIds.findIndex((id) => !found.has(id));
  if (index >= 0) throw new ParleyError('validation_failed', `member_ids.${index}: no agent "${agentIds[index]}" in this workspace`);
}

/** Replaces the members; the list order is the round-robin order. */
async function writeMembers(db: Kysely<Database>, teamId: string, agentIds: readonly string[], now: string): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (agentIds.length === 0) return;
  await db
    .insertInto('team_members')
    .values(agentIds.map((agentId, position) => ({ team_id: teamId, agent_id: agentId, position, created_at: now })))
    .execute();
}
