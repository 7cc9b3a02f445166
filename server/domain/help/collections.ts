/**
 * Help collections: named groups of articles, ordered by `position`, with a
 * name per locale. Deleting one leaves its articles without a collection
 * (the foreign key sets it to null), never deletes them.
 */
import type { Kysely } from 'kysely';
import type { CreateHelpCollectionInput, HelpCollection, UpdateHelpCollectionInput } from '../../../protocol/index.js';
import type { Database, HelpCollectionRow } from '../../store/index.js';
import { notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { toHelpCollection } from './article-rows.js';

export class HelpCollections {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<HelpCollection[]> {
    const rows = await this.db.selectFrom('help_collections').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('created_at').execute();
    return rows.map(toHelpCollection);
  }

  async get(workspaceId: string, id: string): Promise<HelpCollection> {
    const row = await this.db.selectFrom('help_collections').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('collection');
    return toHelpCollection(row);
  }

  async create(workspaceId: string, input: CreateHelpCollectionInput): Promise<HelpCollection> {
    const now = nowIso();
    const position =
      input.position ??
      Number((await this.db.selectFrom('help_collections').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirst())?.n ?? 0);
    const row: HelpCollectionRow = {
      id: newId('hcol'),
      workspace_id: workspaceId,
      name: input.name,
      description: input.description ?? '',
      position,
      translations: JSON.stringify(input.translations ?? {}),
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('help_collections').values(row).execute();
    return toHelpCollection(row);
  }

  async update(workspaceId: string, id: string, patch: UpdateHelpCollectionInput): Promise<HelpCollection> {
    await this.get(workspaceId, id);
    const { translations, ...rest } = patch;
    await this.db
      .updateTable('help_collections')
      .set({ ...rest, ...(translations ? { translations: JSON.stringify(translations) } : {}), updated_at: nowIso() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('help_collections').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('collection');
  }
}
