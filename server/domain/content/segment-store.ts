/**
 * Saved segments: named rules, usable inside other rules as `{ segment: id }`.
 * Read on every audience evaluation, so each workspace's set is cached briefly
 * and dropped on this node's writes (other nodes catch up within the TTL).
 */
import type { Kysely } from 'kysely';
import { parseRule, type Rule, type Segment } from '../../../protocol/index.js';
import type { Database, SegmentRow } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { TtlCache } from './ttl-cache.js';

function toSegment(row: SegmentRow): Segment {
  return { id: row.id, name: row.name, rule: parseRule(JSON.parse(row.rule)), created_at: row.created_at, updated_at: row.updated_at };
}

export class SegmentStore {
  private readonly cache = new TtlCache<Map<string, Rule>>(5_000);

  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<Segment[]> {
    const rows = await this.db.selectFrom('segments').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
    return rows.map(toSegment);
  }

  async get(workspaceId: string, id: string): Promise<Segment> {
    const row = await this.db.selectFrom('segments').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('segment');
    return toSegment(row);
  }

  async create(workspaceId: string, input: { name: string; rule: Rule }): Promise<Segment> {
    const now = nowIso();
    const row: SegmentRow = { id: newId('seg'), workspace_id: workspaceId, name: input.name, rule: JSON.stringify(input.rule), created_at: now, updated_at: now };
    await this.assertAcyclic(workspaceId, row.id, input.rule);
    await this.db.insertInto('segments').values(row).execute();
    this.cache.delete(workspaceId);
    return toSegment(row);
  }

  async update(workspaceId: string, id: string, patch: { name?: string; rule?: Rule }): Promise<Segment> {
    const current = await this.get(workspaceId, id);
    if (patch.rule) await this.assertAcyclic(workspaceId, id, patch.rule);
    await this.db
      .updateTable('segments')
      .set({
        name: patch.name ?? current.name,
        rule: JSON.stringify(patch.rule ?? current.rule),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    this.cache.delete(workspaceId);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('segments').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('segment');
    this.cache.delete(workspaceId);
  }

  /** id → rule of every segment of the workspace. */
  async rules(workspaceId: string): Promise<Map<string, Rule>> {
    return this.cache.getOrLoad(workspaceId, async () => {
      const rows = await this.db.selectFrom('segments').select(['id', 'rule']).where('workspace_id', '=', workspaceId).execute();
      const rules = new Map<string, Rule>();
      for (const row of rows) {
        try {
          rules.set(row.id, parseRule(JSON.parse(row.rule)));
        } catch {
          // A rule stored by an older version that no longer parses matches no one.
        }
      }
      return rules;
    });
  }

  /** A segment may use others, but never (through any chain) itself. */
  private async assertAcyclic(workspaceId: string, id: string, rule: Rule): Promise<void> {
    const rules = new Map(await this.rules(workspaceId));
    rules.set(id, rule);
    const visiting = new Set<string>();
    const visit = (segmentId: string): void => {
      if (visiting.has(segmentId)) throw new ParleyError('validation_failed', `rule: segment "${segmentId}" would include itself`);
      const r = rules.get(segmentId);
      if (!r) return;
      visiting.add(segmentId);
      for (const used of segmentsIn(r)) visit(used);
      visiting.delete(segmentId);
    };
    visit(id);
  }
}

/** Segment ids a rule names directly. */
export function segmentsIn(rule: Rule): string[] {
  if ('all' in rule) return rule.all.flatMap(segmentsIn);
  if ('any' in rule) return rule.any.flatMap(segmentsIn);
  if ('not' in rule) return segmentsIn(rule.not);
  return 'segment' in rule ? [rule.segment] : [];
}
