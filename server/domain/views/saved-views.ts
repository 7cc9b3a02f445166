/**
 * Saved views: a named conversation-list query (filters, search, sort) an
 * agent keeps. Private views are seen by their owner only; shared views by
 * the whole workspace. Only the owner or an admin (or an API token, which acts
 * for the workspace) changes or deletes a view; someone else's private view
 * answers 404 like a missing one.
 */
import type { Kysely } from 'kysely';
import type { CreateSavedViewInput, SavedView, SavedViewFilters, UpdateSavedViewInput } from '../../../protocol/index.js';
import type { Database, SavedViewRow } from '../../store/index.js';
import { actsAsAdmin } from '../admin-role.js';
import type { AdminPrincipal } from '../agents/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';

/** Enough for anyone; a bound so one caller can't grow the list without end. */
const MAX_VIEWS_PER_OWNER = 100;

const toSavedView = (row: SavedViewRow): SavedView => ({
  id: row.id,
  name: row.name,
  filters: parseJsonColumn<SavedViewFilters>(row.filters, {}),
  shared: Number(row.shared) === 1,
  owner_id: row.owner_id,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

/** Who asks: an agent (its id) or an API token (owner null). */
const ownerOf = (p: AdminPrincipal): string | null => p.agent?.id ?? null;

export class SavedViews {
  constructor(private readonly db: Kysely<Database>) {}

  /** The caller's own views and the workspace's shared ones, by name. */
  async list(p: AdminPrincipal): Promise<SavedView[]> {
    const rows = await this.visible(p).orderBy('name').orderBy('id').execute();
    return rows.map(toSavedView);
  }

  async get(p: AdminPrincipal, id: string): Promise<SavedView> {
    return toSavedView(await this.row(p, id));
  }

  async create(p: AdminPrincipal, input: CreateSavedViewInput): Promise<SavedView> {
    const owner = ownerOf(p);
    const count = await this.db
      .selectFrom('saved_views')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', p.workspaceId)
      .where('owner_id', owner === null ? 'is' : '=', owner)
      .executeTakeFirst();
    if (Number(count?.n ?? 0) >= MAX_VIEWS_PER_OWNER) throw new ParleyError('conflict', `at most ${MAX_VIEWS_PER_OWNER} views each`);
    const now = nowIso();
    const row: SavedViewRow = {
      id: newId('view'),
      workspace_id: p.workspaceId,
      owner_id: owner,
      name: input.name,
      // `satisfies`: the schema's output and the wire type can't drift apart.
      filters: JSON.stringify(input.filters satisfies SavedViewFilters),
      shared: input.shared ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('saved_views').values(row).execute();
    return toSavedView(row);
  }

  async update(p: AdminPrincipal, id: string, patch: UpdateSavedViewInput): Promise<SavedView> {
    this.assertCanChange(p, await this.row(p, id));
    await this.db
      .updateTable('saved_views')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.filters !== undefined ? { filters: JSON.stringify(patch.filters) } : {}),
        ...(patch.shared !== undefined ? { shared: patch.shared ? 1 : 0 } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    return this.get(p, id);
  }

  async remove(p: AdminPrincipal, id: string): Promise<void> {
    this.assertCanChange(p, await this.row(p, id));
    await this.db.deleteFrom('saved_views').where('id', '=', id).execute();
  }

  private visible(p: AdminPrincipal) {
    const owner = ownerOf(p);
    return this.db
      .selectFrom('saved_views')
      .selectAll()
      .where('workspace_id', '=', p.workspaceId)
      .where((eb) => eb.or([eb('shared', '=', 1), owner === null ? eb('owner_id', 'is', null) : eb('owner_id', '=', owner)]));
  }

  private async row(p: AdminPrincipal, id: string): Promise<SavedViewRow> {
    const row = await this.visible(p).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('view');
    return row;
  }

  private assertCanChange(p: AdminPrincipal, row: SavedViewRow): void {
    if (row.owner_id !== ownerOf(p) && !actsAsAdmin(p)) throw new ParleyError('forbidden', 'only its owner or an admin can change a shared view');
  }
}
