/**
 * Custom bots: one ordered list per workspace (`position` 0, 1, 2… with no
 * gaps). A new conversation starts the first enabled bot whose trigger and
 * audience match, so order matters; creating, moving, reordering and deleting
 * renumber the others in the same transaction. Inside a transaction only
 * `trx` is read: SQLite has one connection.
 *
 * The tags and teams steps name must be the workspace's, checked on save as a
 * 400 naming the step (`steps.2.tag_id: no tag "…" in this workspace`).
 */
import type { Kysely } from 'kysely';
import { BOT_LIMITS, type Bot, type BotStep, type CreateBotInput, parseRule, type UpdateBotInput } from '../../../protocol/index.js';
import type { BotRow, Database } from '../../store/index.js';
import { notFound, ParleyError } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';

function audienceOf(text: string | null): Bot['trigger']['audience'] {
  if (text === null) return undefined;
  try {
    return parseRule(JSON.parse(text));
  } catch {
    // A stored audience that no longer parses must not reach everyone: it matches nobody.
    return { any: [] };
  }
}

export function toBot(row: BotRow): Bot {
  const audience = audienceOf(row.audience);
  return {
    id: row.id,
    name: row.name,
    enabled: Number(row.enabled) === 1,
    position: Number(row.position),
    trigger: { on: row.trigger_on, ...(audience ? { audience } : {}) },
    steps: parseJsonColumn<BotStep[]>(row.steps, []),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Throws `validation_failed` for the first tag or team a step names that is not the workspace's. */
async function assertReferences(db: Kysely<Database>, workspaceId: string, steps: readonly BotStep[]): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const ref =
      step.type === 'tag' ? { table: 'tags' as const, field: 'tag_id', what: 'tag', id: step.tag_id } : step.type === 'assign' ? { table: 'teams' as const, field: 'team_id', what: 'team', id: step.team_id } : null;
    if (!ref) continue;
    const found = await db.selectFrom(ref.table).select('id').where('workspace_id', '=', workspaceId).where('id', '=', ref.id).executeTakeFirst();
    if (!found) throw new ParleyError('validation_failed', `steps.${index}.${ref.field}: no ${ref.what} "${ref.id}" in this workspace`);
  }
}

export class BotStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<Bot[]> {
    return (await this.orderedRows(this.db, workspaceId)).map(toBot);
  }

  /** The enabled bots, in order: the engine reads them once per new conversation. */
  async enabled(workspaceId: string): Promise<Bot[]> {
    const rows = await this.db.selectFrom('bots').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', 1).orderBy('position').orderBy('id').execute();
    return rows.map(toBot);
  }

  async get(workspaceId: string, id: string, db: Kysely<Database> = this.db): Promise<Bot> {
    const row = await db.selectFrom('bots').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('bot');
    return toBot(row);
  }

  async create(workspaceId: string, input: CreateBotInput): Promise<Bot> {
    const now = nowIso();
    const row: BotRow = {
      id: newId('bot'),
      workspace_id: workspaceId,
      name: input.name,
      enabled: input.enabled ? 1 : 0,
      position: 0,
      trigger_on: input.trigger.on,
      audience: input.trigger.audience ? JSON.stringify(input.trigger.audience) : null,
      steps: JSON.stringify(input.steps),
      created_at: now,
      updated_at: now,
    };
    return this.db.transaction().execute(async (trx) => {
      await assertReferences(trx, workspaceId, input.steps);
      const order = await this.orderOf(trx, workspaceId);
      if (order.length >= BOT_LIMITS.bots) throw new ParleyError('conflict', `a workspace has at most ${BOT_LIMITS.bots} bots`);
      await trx.insertInto('bots').values(row).execute();
      order.splice(Math.min(input.position ?? order.length, order.length), 0, row.id);
      await this.renumber(trx, workspaceId, order);
      return this.get(workspaceId, row.id, trx);
    });
  }

  async update(workspaceId: string, id: string, patch: UpdateBotInput): Promise<Bot> {
    return this.db.transaction().execute(async (trx) => {
      await this.get(workspaceId, id, trx);
      if (patch.steps !== undefined) await assertReferences(trx, workspaceId, patch.steps);
      await trx
        .updateTable('bots')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
          ...(patch.trigger !== undefined ? { trigger_on: patch.trigger.on, audience: patch.trigger.audience ? JSON.stringify(patch.trigger.audience) : null } : {}),
          ...(patch.steps !== undefined ? { steps: JSON.stringify(patch.steps) } : {}),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      if (patch.position !== undefined) {
        const order = (await this.orderOf(trx, workspaceId)).filter((other) => other !== id);
        order.splice(Math.min(patch.position, order.length), 0, id);
        await this.renumber(trx, workspaceId, order);
      }
      return this.get(workspaceId, id, trx);
    });
  }

  /** The whole order at once: `ids` must be every bot of the workspace, once each. */
  async reorder(workspaceId: string, ids: readonly string[]): Promise<Bot[]> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.orderOf(trx, workspaceId);
      const known = new Set(current);
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) throw new ParleyError('validation_failed', `ids: no bot "${unknown}" in this workspace`);
      if (ids.length !== current.length) throw new ParleyError('validation_failed', `ids: list all ${current.length} bots, each once`);
      await this.renumber(trx, workspaceId, ids);
    });
    return this.list(workspaceId);
  }

  /** A running flow goes on with the steps it started with. */
  async remove(workspaceId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('bots').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('bot');
      await this.renumber(trx, workspaceId, await this.orderOf(trx, workspaceId));
    });
  }

  private orderedRows(db: Kysely<Database>, workspaceId: string): Promise<BotRow[]> {
    return db.selectFrom('bots').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
  }

  private async orderOf(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
    return (await this.orderedRows(db, workspaceId)).map((r) => r.id);
  }

  /** Writes positions 0…n-1 in the given order (only the rows whose position changes). */
  private async renumber(db: Kysely<Database>, workspaceId: string, order: readonly string[]): Promise<void> {
    const rows = await this.orderedRows(db, workspaceId);
    const current = new Map(rows.map((r) => [r.id, Number(r.position)]));
    for (const [position, id] of order.entries()) {
      if (current.get(id) !== position) await db.updateTable('bots').set({ position }).where('id', '=', id).execute();
    }
  }
}
