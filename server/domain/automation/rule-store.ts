/**
 * Automation rules: one ordered list per workspace (`position` 0, 1, 2… with
 * no gaps, whatever the trigger); the engine runs the enabled rules of a
 * trigger in that order. Creating, moving, reordering and deleting renumber
 * the others in the same transaction, so the order is always a plain sort.
 * Inside a transaction only `trx` is read: SQLite has one connection.
 *
 * The engine asks for the enabled rules on every event (every visitor
 * message), so they are cached per workspace for a couple of seconds: this
 * node's own edits drop the cache at once; another node's are seen within
 * ENABLED_TTL_MS.
 */
import type { Kysely } from 'kysely';
import {
  AUTOMATION_LIMITS,
  type AutomationAction,
  type AutomationRule,
  type AutomationTrigger,
  type CreateAutomationRuleInput,
  parseRule,
  type Rule,
  type UpdateAutomationRuleInput,
} from '../../../protocol/index.js';
import type { AutomationRuleRow, Database } from '../../store/index.js';
import { notFound, ParleyError } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { assertReferences } from './references.js';

const EVERYTHING: Rule = { all: [] };
export const ENABLED_TTL_MS = 2_000;

function parseConditions(text: string): Rule {
  try {
    return parseRule(JSON.parse(text));
  } catch {
    // A stored rule that no longer parses must not act on every event: it matches none.
    return { any: [] };
  }
}

export function toAutomationRule(row: AutomationRuleRow): AutomationRule {
  return {
    id: row.id,
    name: row.name,
    enabled: Number(row.enabled) === 1,
    position: Number(row.position),
    trigger: row.trigger,
    conditions: parseConditions(row.conditions),
    actions: parseJsonColumn<AutomationAction[]>(row.actions, []),
    stop_processing: Number(row.stop_processing) === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export class AutomationRuleStore {
  private readonly enabledCache = new Map<string, { at: number; rules: AutomationRule[] }>();
  /** Bumped by every write: a read that began before a write does not fill the cache with what it replaced. */
  private generation = 0;

  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<AutomationRule[]> {
    return (await this.orderedRows(this.db, workspaceId)).map(toAutomationRule);
  }

  /** The enabled rules of one trigger, in order (cached for ENABLED_TTL_MS, see above). */
  async enabledFor(workspaceId: string, trigger: AutomationTrigger, now = Date.now()): Promise<AutomationRule[]> {
    let cached = this.enabledCache.get(workspaceId);
    if (!cached || now - cached.at > ENABLED_TTL_MS) {
      const generation = this.generation;
      const rows = await this.db
        .selectFrom('automation_rules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('enabled', '=', 1)
        .orderBy('position')
        .orderBy('id')
        .execute();
      cached = { at: now, rules: rows.map(toAutomationRule) };
      if (generation === this.generation) this.enabledCache.set(workspaceId, cached);
    }
    return cached.rules.filter((r) => r.trigger === trigger);
  }

  async get(workspaceId: string, id: string, db: Kysely<Database> = this.db): Promise<AutomationRule> {
    const row = await db.selectFrom('automation_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('automation rule');
    return toAutomationRule(row);
  }

  async create(workspaceId: string, input: CreateAutomationRuleInput): Promise<AutomationRule> {
    return this.changing(workspaceId, () => this.insert(workspaceId, input));
  }

  async update(workspaceId: string, id: string, patch: UpdateAutomationRuleInput): Promise<AutomationRule> {
    return this.changing(workspaceId, () => this.patch(workspaceId, id, patch));
  }

  /** The whole order at once: `ids` must be every rule of the workspace, once each. */
  async reorder(workspaceId: string, ids: readonly string[]): Promise<AutomationRule[]> {
    await this.changing(workspaceId, () => this.renumberAll(workspaceId, ids));
    return this.list(workspaceId);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.changing(workspaceId, () => this.delete(workspaceId, id));
  }

  /** A write, then this node's cache of the workspace's enabled rules is dropped (also when the write failed half-way). */
  private async changing<T>(workspaceId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.generation += 1;
      this.enabledCache.delete(workspaceId);
    }
  }

  private async insert(workspaceId: string, input: CreateAutomationRuleInput): Promise<AutomationRule> {
    const now = nowIso();
    const row: AutomationRuleRow = {
      id: newId('auto'),
      workspace_id: workspaceId,
      name: input.name,
      enabled: input.enabled ? 1 : 0,
      position: 0,
      trigger: input.trigger,
      conditions: JSON.stringify(input.conditions ?? EVERYTHING),
      actions: JSON.stringify(input.actions),
      stop_processing: input.stop_processing ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    return this.db.transaction().execute(async (trx) => {
      await assertReferences(trx, workspaceId, input.actions);
      const order = await this.orderOf(trx, workspaceId);
      if (order.length >= AUTOMATION_LIMITS.rules) throw new ParleyError('conflict', `a workspace has at most ${AUTOMATION_LIMITS.rules} automation rules`);
      await trx.insertInto('automation_rules').values(row).execute();
      order.splice(Math.min(input.position ?? order.length, order.length), 0, row.id);
      await this.renumber(trx, workspaceId, order);
      return this.get(workspaceId, row.id, trx);
    });
  }

  private async patch(workspaceId: string, id: string, patch: UpdateAutomationRuleInput): Promise<AutomationRule> {
    return this.db.transaction().execute(async (trx) => {
      await this.get(workspaceId, id, trx);
      if (patch.actions !== undefined) await assertReferences(trx, workspaceId, patch.actions);
      await trx
        .updateTable('automation_rules')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
          ...(patch.trigger !== undefined ? { trigger: patch.trigger } : {}),
          ...(patch.conditions !== undefined ? { conditions: JSON.stringify(patch.conditions) } : {}),
          ...(patch.actions !== undefined ? { actions: JSON.stringify(patch.actions) } : {}),
          ...(patch.stop_processing !== undefined ? { stop_processing: patch.stop_processing ? 1 : 0 } : {}),
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

  private async renumberAll(workspaceId: string, ids: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.orderOf(trx, workspaceId);
      const known = new Set(current);
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) throw new ParleyError('validation_failed', `ids: no automation rule "${unknown}" in this workspace`);
      if (ids.length !== current.length) throw new ParleyError('validation_failed', `ids: list all ${current.length} rules, each once`);
      await this.renumber(trx, workspaceId, ids);
    });
  }

  private async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('automation_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('automation rule');
      await this.renumber(trx, workspaceId, await this.orderOf(trx, workspaceId));
    });
  }

  private orderedRows(db: Kysely<Database>, workspaceId: string): Promise<AutomationRuleRow[]> {
    return db.selectFrom('automation_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
  }

  private async orderOf(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
    return (await this.orderedRows(db, workspaceId)).map((r) => r.id);
  }

  /** Writes positions 0…n-1 in the given order (only the rows whose position changes). */
  private async renumber(db: Kysely<Database>, workspaceId: string, order: readonly string[]): Promise<void> {
    const rows = await this.orderedRows(db, workspaceId);
    const current = new Map(rows.map((r) => [r.id, Number(r.position)]));
    for (const [position, id] of order.entries()) {
      if (current.get(id) !== position) await db.updateTable('automation_rules').set({ position }).where('id', '=', id).execute();
    }
  }
}
