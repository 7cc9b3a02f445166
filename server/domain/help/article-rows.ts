/**
 * Help rows → the shapes the API and the widget see, and the few derived
 * values (slug, summary, public URL) every reader agrees on.
 */
import type { HelpArticle, HelpArticleSummary, HelpCollection, HelpCollectionTranslation, HelpLocale } from '../../../protocol/index.js';
import type { HelpArticleRow, HelpCollectionRow } from '../../store/index.js';
import { parseJsonColumn } from '../json.js';
import { foldWords } from '../search/index.js';
import { excerpt } from './markdown-text.js';

function stringList(text: string): string[] {
  const list = parseJsonColumn<unknown>(text, []);
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

export function toHelpArticle(row: HelpArticleRow): HelpArticle {
  return {
    id: row.id,
    collection_id: row.collection_id,
    group_id: row.group_id,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    status: row.status,
    pages: stringList(row.pages),
    author_id: row.author_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    published_at: row.published_at,
  };
}

export function toHelpCollection(row: HelpCollectionRow): HelpCollection {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    position: Number(row.position),
    translations: parseJsonColumn<HelpCollection['translations']>(row.translations, {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A collection's name and description in a locale (its own when translated, the default otherwise). */
export function collectionIn(collection: HelpCollection, locale: HelpLocale): HelpCollectionTranslation {
  const t = collection.translations[locale];
  return { name: t?.name ?? collection.name, description: t?.description ?? collection.description };
}

/** `/help/<appId>/<locale>/articles/<slug>`: the public page, relative to the server. */
export function articlePath(appId: string, row: Pick<HelpArticleRow, 'locale' | 'slug'>): string {
  return `/help/${encodeURIComponent(appId)}/${row.locale}/articles/${encodeURIComponent(row.slug)}`;
}

/** What lists show: the author's summary, or the body's first sentences. */
export function summaryOf(row: Pick<HelpArticleRow, 'summary' | 'body_text'>): string {
  return row.summary.trim() || excerpt(row.body_text);
}

export function toSummary(appId: string, row: HelpArticleRow): HelpArticleSummary {
  return { id: row.id, title: row.title, summary: summaryOf(row), url: articlePath(appId, row) };
}

const SLUG_MAX = 80;
/** What `articleSlugSchema` refuses in a word (upper-case-only and modifier letters). */
const NOT_SLUG = /[^\p{Ll}\p{Lo}\p{N}]/gu;

/** "How to cancel your subscription" → "how-to-cancel-your-subscription"; any script's letters are kept. */
export function slugFromTitle(title: string): string {
  let slug = '';
  for (const word of foldWords(title).map((w) => w.replace(NOT_SLUG, '')).filter(Boolean)) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug || 'article';
}
