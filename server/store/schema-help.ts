/**
 * Row types of the help center tables (migration 014): collections, articles
 * (one row per locale, linked by `group_id`), views and votes. Same
 * conventions as schema.ts (ISO text times, JSON as text). The search indexes
 * (SQLite FTS5 tables, the Postgres `search` column) are not typed here: only
 * domain/help/ reads them, with raw SQL.
 */

export interface HelpCollectionRow {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  position: number;
  /** JSON object locale → { name, description? }. */
  translations: string;
  created_at: string;
  updated_at: string;
}

export interface HelpArticleRow {
  id: string;
  workspace_id: string;
  collection_id: string | null;
  group_id: string;
  locale: 'en' | 'id' | 'ar';
  slug: string;
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  /** The body as plain text (markdown syntax and URLs left out): what search indexes. */
  body_text: string;
  status: 'draft' | 'live';
  /** JSON array of page globs. */
  pages: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** One opening of an article (widget or public page); `contact_id` null on the public page. */
export interface HelpArticleViewRow {
  id: string;
  workspace_id: string;
  article_id: string;
  contact_id: string | null;
  source: 'home' | 'search' | 'suggestion' | 'page';
  created_at: string;
}

/** "Did this help?": one row per contact and article (a second vote changes it). */
export interface HelpArticleVoteRow {
  article_id: string;
  contact_id: string;
  workspace_id: string;
  helpful: number;
  created_at: string;
  updated_at: string;
}

/** The help center tables, as `Database` (schema.ts) includes them. */
export interface HelpTables {
  help_collections: HelpCollectionRow;
  help_articles: HelpArticleRow;
  help_article_views: HelpArticleViewRow;
  help_article_votes: HelpArticleVoteRow;
}
