/**
 * Series (DESIGN.md §2 `series`): an entry rule and an ordered list of steps —
 * send a message, wait (N days or until an event), branch on a rule. Stored as
 * JSON; the live ones of a workspace are cached briefly for the runner.
 */
import type { Kysely } from 'kysely';
import { parseRule, type CreateSeriesInput, type Series, type SeriesStep, type UpdateSeriesInput } from '../../../protocol/index.js';
import type { Database, SeriesRow } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { TtlCache } from '../content/ttl-cache.js';

export function toSeries(row: SeriesRow): Series {
  let entry: Series['entry'];
  try {
    entry = parseRule(JSON.parse(row.entry));
  } catch {
    entry = { any: [] }; // an entry rule that no longer parses lets no one in
  }
  return {
    id: row.id,
    name: row.name,
    entry,
    steps: parseJsonColumn<SeriesStep[]>(row.steps, []),
    status: row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export class SeriesStore {
  private readonly live = new TtlCache<Series[]>(5_000);
  private readonly wentLive = new Set<(series: Series, workspaceId: string) => void>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Called when a series is created live or switched to live (its existing audience enters). */
  onLive(listener: (series: Series, workspaceId: string) => void): () => void {
    this.wentLive.add(listener);
    return () => this.wentLive.delete(listener);
  }

  async list(workspaceId: string): Promise<Series[]> {
    const rows = await this.db.selectFrom('series').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute();
    return rows.map(toSeries);
  }

  async get(workspaceId: string, id: string): Promise<Series> {
    const row = await this.db.selectFrom('series').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('series');
    return toSeries(row);
  }

  async create(workspaceId: string, input: CreateSeriesInput): Promise<Series> {
    await this.assertMessages(workspaceId, input.steps);
    const now = nowIso();
    const row: SeriesRow = {
      id: newId('ser'),
      workspace_id: workspaceId,
      name: input.name,
      entry: JSON.stringify(input.entry),
      steps: JSON.stringify(input.steps),
      status: input.status ?? 'draft',
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('series').values(row).execute();
    this.changed(workspaceId, null, toSeries(row));
    return toSeries(row);
  }

  async update(workspaceId: string, id: string, patch: UpdateSeriesInput): Promise<Series> {
    const current = await this.get(workspaceId, id);
    if (patch.steps) await this.assertMessages(workspaceId, patch.steps);
    await this.db
      .updateTable('series')
      .set({
        name: patch.name ?? current.name,
        entry: JSON.stringify(patch.entry ?? current.entry),
        steps: JSON.stringify(patch.steps ?? current.steps),
        status: patch.status ?? current.status,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const updated = await this.get(workspaceId, id);
    this.changed(workspaceId, current, updated);
    return updated;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('series').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('series');
    this.live.delete(workspaceId);
  }

  liveIn(workspaceId: string): Promise<Series[]> {
    return this.live.getOrLoad(workspaceId, async () => {
      const rows = await this.db.selectFrom('series').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'live').execute();
      return rows.map(toSeries);
    });
  }

  async byId(id: string): Promise<{ series: Series; workspaceId: string } | null> {
    const row = await this.db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { series: toSeries(row), workspaceId: row.workspace_id } : null;
  }

  private async assertMessages(workspaceId: string, steps: SeriesStep[]): Promise<void> {
    const ids = [...new Set(steps.flatMap((s) => (s.type === 'message' ? [s.message_id] : [])))];
    if (ids.length === 0) return;
    const found = await this.db.selectFrom('campaigns').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) throw new ParleyError('validation_failed', `steps: no message "${missing[0]}"`);
  }

  private changed(workspaceId: string, before: Series | null, after: Series): void {
    this.live.delete(workspaceId);
    if (after.status === 'live' && before?.status !== 'live') this.wentLive.forEach((l) => l(after, workspaceId));
  }
}
