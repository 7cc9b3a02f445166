/**
 * Conversation tags: a workspace list (names unique regardless of case, kept
 * as first written) and the set each conversation carries. Setting a
 * conversation's tags creates the names the workspace does not have yet, so
 * agents tag as they type.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CreateTagInput, Tag, UpdateTagInput } from '../../../protocol/index.js';
import type { ConversationRow, Database, TagRow } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { isUniqueViolation } from '../unique-violation.js';

/** What makes two names the same tag: trimmed, lowercased (Unicode-aware, unlike SQL lower() on SQLite). */
export const tagKey = (name: string): string => name.trim().toLowerCase();

/** Suggested to a new workspace (issue #7). */
export const DEFAULT_TAGS = ['Sales lead', 'Feature request', 'Incident', 'Technical issue', 'Bug'] as const;

const toTag = (row: TagRow, count: number): Tag => ({ id: row.id, name: row.name, color: row.color, count, created_at: row.created_at });
const taken = (name: string) => new ParleyError('conflict', `a tag named "${name}" already exists`);

/** Tag names of a conversation, alphabetical (regardless of case). */
export async function conversationTagNames(db: Kysely<Database>, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_tags')
    .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
    .select('tags.name')
    .where('conversation_tags.conversation_id', '=', conversationId)
    .orderBy('tags.name_key')
    .execute();
  return rows.map((r) => r.name);
}

export class TagStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
  ) {}

  /** Every tag of the workspace with how many conversations carry it, by name. */
  async list(workspaceId: string): Promise<Tag[]> {
    const rows = await this.db
      .selectFrom('tags')
      .leftJoin('conversation_tags', 'conversation_tags.tag_id', 'tags.id')
      .selectAll('tags')
      .select((eb) => eb.fn.count<number>('conversation_tags.conversation_id').as('uses'))
      .where('tags.workspace_id', '=', workspaceId)
      .groupBy('tags.id')
      .orderBy('tags.name_key')
      .execute();
    return rows.map(({ uses, ...row }) => toTag(row, Number(uses)));
  }

  async get(workspaceId: string, id: string): Promise<Tag> {
    const row = await this.db.selectFrom('tags').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('tag');
    const uses = await this.db
      .selectFrom('conversation_tags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tag_id', '=', id)
      .executeTakeFirst();
    return toTag(row, Number(uses?.n ?? 0));
  }

  async create(workspaceId: string, input: CreateTagInput): Promise<Tag> {
    const row: TagRow = { id: newId('tag'), workspace_id: workspaceId, name: input.name, name_key: tagKey(input.name), color: input.color ?? null, created_at: nowIso() };
    const inserted = await this.db
      .insertInto('tags')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'name_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw taken(input.name);
    return toTag(row, 0);
  }

  async update(workspaceId: string, id: string, patch: UpdateTagInput): Promise<Tag> {
    await this.get(workspaceId, id);
    const set = {
      ...(patch.name !== undefined ? { name: patch.name, name_key: tagKey(patch.name) } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
    };
    if (Object.keys(set).length > 0) {
      try {
        await this.db.updateTable('tags').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      } catch (err) {
        if (isUniqueViolation(err)) throw taken(patch.name ?? '');
        throw err;
      }
    }
    return this.get(workspaceId, id);
  }

  /** Deletes the tag and takes it off every conversation (the foreign key cascades). */
  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('tags').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('tag');
  }

  /** Replaces the conversation's tags with `names` (already validated: trimmed, unique by key, at most 20). */
  async setForConversation(row: ConversationRow, names: readonly string[]): Promise<void> {
    const { changed, added } = await this.db.transaction().execute((trx) => this.setIn(trx, row, names));
    if (changed) this.bus.publish('conversation.updated', { workspaceId: row.workspace_id, contactId: row.contact_id, conversationId: row.id });
    if (added.length > 0) this.bus.publish('conversation.tags_added', { workspaceId: row.workspace_id, contactId: row.contact_id, conversationId: row.id, tagIds: added });
  }

  /** Tag names of a conversation, alphabetical. */
  namesFor(conversationId: string): Promise<string[]> {
    return conversationTagNames(this.db, conversationId);
  }

  /** A new workspace starts with the suggested tags. */
  async seedDefaults(workspaceId: string): Promise<void> {
    for (const name of DEFAULT_TAGS) await this.create(workspaceId, { name }).catch(() => undefined);
  }

  /** Only `trx` in here: SQLite has one connection, and a read on `this.db` would wait for this very transaction. */
  private async setIn(trx: Transaction<Database>, row: ConversationRow, names: readonly string[]): Promise<{ changed: boolean; added: string[] }> {
    const now = nowIso();
    const keys = names.map(tagKey);
    if (names.length > 0) {
      await trx
        .insertInto('tags')
        .values(names.map((name) => ({ id: newId('tag'), workspace_id: row.workspace_id, name, name_key: tagKey(name), color: null, created_at: now })))
        .onConflict((oc) => oc.columns(['workspace_id', 'name_key']).doNothing())
        .execute();
    }
    const wanted = names.length > 0
      ? await trx.selectFrom('tags').select('id').where('workspace_id', '=', row.workspace_id).where('name_key', 'in', keys).execute()
      : [];
    const wantedIds = wanted.map((t) => t.id);
    const current = await trx.selectFrom('conversation_tags').select('tag_id').where('conversation_id', '=', row.id).execute();
    const currentIds = new Set(current.map((c) => c.tag_id));
    const removed = [...currentIds].filter((id) => !wantedIds.includes(id));
    const added = wantedIds.filter((id) => !currentIds.has(id));
    if (removed.length > 0) await trx.deleteFrom('conversation_tags').where('conversation_id', '=', row.id).where('tag_id', 'in', removed).execute();
    if (added.length > 0) {
      await trx
        .insertInto('conversation_tags')
        .values(added.map((tag_id) => ({ conversation_id: row.id, tag_id, workspace_id: row.workspace_id, created_at: now })))
        .execute();
    }
    return { changed: removed.length > 0 || added.length > 0, added };
  }
}
