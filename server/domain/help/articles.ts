/**
 * Help articles as admins manage them (`/api/v1/articles`): one row per
 * locale, translations sharing a `group_id`, draft or live. Every write
 * updates the search index in the same transaction (SQLite's one connection:
 * only `trx` is awaited inside it).
 */
import type { Kysely } from 'kysely';
import type { CreateHelpArticleInput, HelpArticle, HelpArticleListQuery, UpdateHelpArticleInput } from '../../../protocol/index.js';
import { HELP_LOCALES } from '../../../protocol/index.js';
import type { Database, HelpArticleRow } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { isUniqueViolation } from '../unique-violation.js';
import { slugFromTitle, toHelpArticle } from './article-rows.js';
import type { HelpIndex } from './help-index.js';
import type { HelpSearch } from './help-search.js';
import { markdownText } from './markdown-text.js';

/** Most articles a list answers with (a help center is dozens to hundreds of articles). */
const LIST_MAX = 500;
const SEARCH_MAX = 50;

export class HelpArticles {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly index: HelpIndex,
    private readonly search: HelpSearch,
  ) {}

  async list(workspaceId: string, query: HelpArticleListQuery = {}): Promise<HelpArticle[]> {
    let ids: string[] | null = null;
    if (query.q?.trim()) {
      ids = [];
      for (const locale of query.locale ? [query.locale] : HELP_LOCALES) {
        ids.push(...(await this.search.rankedIds(workspaceId, query.q, locale, { status: query.status, limit: SEARCH_MAX })));
      }
      if (ids.length === 0) return [];
    }
    let select = this.db.selectFrom('help_articles').selectAll().where('workspace_id', '=', workspaceId);
    if (ids) select = select.where('id', 'in', ids);
    if (query.locale) select = select.where('locale', '=', query.locale);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.collection_id) select = select.where('collection_id', '=', query.collection_id);
    if (query.group_id) select = select.where('group_id', '=', query.group_id);
    const rows = await select.orderBy('updated_at', 'desc').orderBy('id').limit(LIST_MAX).execute();
    // A search keeps its ranking.
    if (ids) {
      const rank = new Map(ids.map((id, i) => [id, i]));
      rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    }
    return rows.map(toHelpArticle);
  }

  async get(workspaceId: string, id: string): Promise<HelpArticle> {
    return toHelpArticle(await this.row(workspaceId, id));
  }

  async row(workspaceId: string, id: string): Promise<HelpArticleRow> {
    const row = await this.db.selectFrom('help_articles').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('article');
    return row;
  }

  async create(workspaceId: string, input: CreateHelpArticleInput, authorId: string | null = null): Promise<HelpArticle> {
    const locale = input.locale ?? 'en';
    const group = input.translation_of ? (await this.row(workspaceId, input.translation_of)).group_id : newId('hgrp');
    await this.checkCollection(workspaceId, input.collection_id);
    const now = nowIso();
    const status = input.status ?? 'draft';
    const row: HelpArticleRow = {
      id: newId('art'),
      workspace_id: workspaceId,
      collection_id: input.collection_id ?? null,
      group_id: group,
      locale,
      slug: input.slug ?? (await this.freeSlug(workspaceId, locale, slugFromTitle(input.title))),
      title: input.title,
      summary: input.summary ?? '',
      body: input.body,
      body_text: markdownText(input.body),
      status,
      pages: JSON.stringify(input.pages ?? []),
      author_id: authorId,
      created_at: now,
      updated_at: now,
      published_at: status === 'live' ? now : null,
    };
    await this.write(row, async (trx) => {
      await trx.insertInto('help_articles').values(row).execute();
    });
    return toHelpArticle(row);
  }

  async update(workspaceId: string, id: string, patch: UpdateHelpArticleInput): Promise<HelpArticle> {
    const current = await this.row(workspaceId, id);
    await this.checkCollection(workspaceId, patch.collection_id);
    const now = nowIso();
    const status = patch.status ?? current.status;
    const next: HelpArticleRow = {
      ...current,
      title: patch.title ?? current.title,
      summary: patch.summary ?? current.summary,
      body: patch.body ?? current.body,
      body_text: patch.body === undefined ? current.body_text : markdownText(patch.body),
      locale: patch.locale ?? current.locale,
      slug: patch.slug ?? current.slug,
      collection_id: patch.collection_id === undefined ? current.collection_id : patch.collection_id,
      status,
      pages: patch.pages ? JSON.stringify(patch.pages) : current.pages,
      updated_at: now,
      published_at: status === 'live' && current.status !== 'live' ? now : current.published_at,
    };
    await this.write(next, async (trx) => {
      // Named columns, not the row: a row read on Postgres also has the generated `search` column.
      const { title, summary, body, body_text, locale, slug, collection_id, pages, updated_at, published_at } = next;
      const changes = { title, summary, body, body_text, locale, slug, collection_id, status, pages, updated_at, published_at };
      await trx.updateTable('help_articles').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    });
    return toHelpArticle(next);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('help_articles').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('article');
  }

  /** Writes a row and its index entry together; a taken slug or locale is a conflict, as the database decides. */
  private async write(row: HelpArticleRow, change: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await change(trx);
        await this.index.write(trx, row);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const message = String((err as { message?: unknown }).message ?? '');
      if (message.includes('slug')) throw new ParleyError('conflict', `the slug "${row.slug}" is already used in ${row.locale}`);
      throw new ParleyError('conflict', `this article already has a ${row.locale} translation`);
    }
  }

  private async checkCollection(workspaceId: string, collectionId: string | null | undefined): Promise<void> {
    if (!collectionId) return;
    const found = await this.db.selectFrom('help_collections').select('id').where('workspace_id', '=', workspaceId).where('id', '=', collectionId).executeTakeFirst();
    if (!found) throw new ParleyError('validation_failed', 'collection_id: no such collection');
  }

  /** `base`, or `base-2`, `base-3`… : the first not taken in this workspace and locale. */
  private async freeSlug(workspaceId: string, locale: HelpArticleRow['locale'], base: string): Promise<string> {
    const taken = await this.db
      .selectFrom('help_articles')
      .select('slug')
      .where('workspace_id', '=', workspaceId)
      .where('locale', '=', locale)
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
      .execute();
    const used = new Set(taken.map((r) => r.slug));
    for (let n = 1; ; n += 1) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!used.has(slug)) return slug;
    }
  }
}
