/**
 * Assignment rules: an ordered list per workspace (`position` 0, 1, 2… with
 * no gaps). Creating, moving and deleting renumber the others in the same
 * transaction, so the order is always a plain sort.
 */
import type { Kysely } from 'kysely';
import {
  ASSIGNMENT_RULE_LIMITS,
  type AssignmentRule,
  type CreateAssignmentRuleInput,
  parseRule,
  type Rule,
  type UpdateAssignmentRuleInput,
} from '../../../protocol/index.js';
import type { AssignmentRuleRow, Database } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';

const EVERYONE: Rule = { all: [] };

function parseWhen(text: string): Rule {
  try {
    return parseRule(JSON.parse(text));
  } catch {
    // A stored rule that no longer parses must not catch every conversation: it matches none.
    return { any: [] };
  }
}

export function toAssignmentRule(row: AssignmentRuleRow): AssignmentRule {
  return {
    id: row.id,
    name: row.name,
    position: Number(row.position),
    enabled: Number(row.enabled) === 1,
    when: parseWhen(row.rule),
    team_id: row.team_id,
    priority: row.priority,
    strategy: row.strategy,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export class AssignmentRuleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<AssignmentRule[]> {
    const rows = await this.db.selectFrom('assignment_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
    return rows.map(toAssignmentRule);
  }

  /**
   * The enabled rules in order: read on every new conversation, not cached,
   * so an edit applies to the next conversation on every node.
   */
  async enabled(workspaceId: string): Promise<AssignmentRule[]> {
    const rows = await this.db
      .selectFrom('assignment_rules')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('enabled', '=', 1)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toAssignmentRule);
  }

  async get(workspaceId: string, id: string, db: Kysely<Database> = this.db): Promise<AssignmentRule> {
    const row = await db.selectFrom('assignment_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('assignment rule');
    return toAssignmentRule(row);
  }

  async create(workspaceId: string, input: CreateAssignmentRuleInput): Promise<AssignmentRule> {
    const now = nowIso();
    const row: AssignmentRuleRow = {
      id: newId('arule'),
      workspace_id: workspaceId,
      name: input.name,
      position: 0,
      enabled: input.enabled ? 1 : 0,
      rule: JSON.stringify(input.when ?? EVERYONE),
      team_id: input.team_id,
      priority: input.priority,
      strategy: input.strategy,
      created_at: now,
      updated_at: now,
    };
    // Inside the transaction only `trx` is read: SQLite has one connection, held by it.
    return this.db.transaction().execute(async (trx) => {
      await assertTeam(trx, workspaceId, input.team_id);
      const order = await orderOf(trx, workspaceId);
      if (order.length >= ASSIGNMENT_RULE_LIMITS.rules) throw new ParleyError('conflict', `a workspace has at most ${ASSIGNMENT_RULE_LIMITS.rules} assignment rules`);
      await trx.insertInto('assignment_rules').values(row).execute();
      order.splice(Math.min(input.position ?? order.length, order.length), 0, row.id);
      await renumber(trx, workspaceId, order);
      return this.get(workspaceId, row.id, trx);
    });
  }

  async update(workspaceId: string, id: string, patch: UpdateAssignmentRuleInput): Promise<AssignmentRule> {
    return this.db.transaction().execute(async (trx) => {
      await this.get(workspaceId, id, trx);
      if (patch.team_id !== undefined) await assertTeam(trx, workspaceId, patch.team_id);
      await trx
        .updateTable('assignment_rules')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
          ...(patch.when !== undefined ? { rule: JSON.stringify(patch.when) } : {}),
          ...(patch.team_id !== undefined ? { team_id: patch.team_id } : {}),
          ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
          ...(patch.strategy !== undefined ? { strategy: patch.strategy } : {}),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      if (patch.position !== undefined) {
        const order = (await orderOf(trx, workspaceId)).filter((other) => other !== id);
        order.splice(Math.min(patch.position, order.length), 0, id);
        await renumber(trx, workspaceId, order);
      }
      return this.get(workspaceId, id, trx);
    });
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('assignment_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('assignment rule');
      await renumber(trx, workspaceId, await orderOf(trx, workspaceId));
    });
  }
}

/** A rule's team must be one of this workspace's (a body reference: a validation error, not a 404). */
async function assertTeam(db: Kysely<Database>, workspaceId: string, teamId: string | null): Promise<void> {
  if (teamId === null) return;
  const team = await db.selectFrom('teams').select('id').where('workspace_id', '=', workspaceId).where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new ParleyError('validation_failed', `team_id: no team "${teamId}" in this workspace`);
}

async function orderOf(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('assignment_rules').select('id').where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Writes positions 0…n-1 in the given order (only the rows whose position changes). */
async function renumber(db: Kysely<Database>, workspaceId: string, order: readonly string[]): Promise<void> {
  const current = new Map(
    (await db.selectFrom('assignment_rules').select(['id', 'position']).where('workspace_id', '=', workspaceId).execute()).map((r) => [r.id, Number(r.position)]),
  );
  for (const [position, id] of order.entries()) {
    if (current.get(id) !== position) await db.updateTable('assignment_rules').set({ position }).where('id', '=', id).execute();
  }
}
