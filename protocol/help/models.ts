/**
 * The help center (docs/help-center.md): articles in markdown, grouped in
 * collections, written per locale (a translation group links the same article
 * in several locales), draft or live. Admin shapes are the REST API's
 * (snake_case, like the other content); visitor shapes are what the widget
 * gets over /visitor. Zod-free: the widget imports this.
 */
import type { ContentStatus } from '../content/models.js';

export const HELP_LOCALES = ['en', 'id', 'ar'] as const;
export type HelpLocale = (typeof HELP_LOCALES)[number];

/** A browser or SDK locale ("ar-EG", "in", "id_ID", "fr") → the help center's: English when not one of ours. */
export function helpLocaleOf(locale: string | null | undefined): HelpLocale {
  let lang = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (lang === 'in') lang = 'id'; // the old ISO code for Indonesian
  return (HELP_LOCALES as readonly string[]).includes(lang) ? (lang as HelpLocale) : 'en';
}

export interface HelpCollectionTranslation {
  name: string;
  description?: string;
}

/** A collection as `/api/v1/help-collections` returns it. `name`/`description` are the default (English) ones. */
export interface HelpCollection {
  id: string;
  name: string;
  description: string;
  /** Order on the help page (ascending). */
  position: number;
  /** Names in the other locales; a locale without one shows `name`. */
  translations: Partial<Record<HelpLocale, HelpCollectionTranslation>>;
  created_at: string;
  updated_at: string;
}

/** An article as `/api/v1/articles` returns it. */
export interface HelpArticle {
  id: string;
  collection_id: string | null;
  /** Shared by the translations of one article (one article per locale in a group). */
  group_id: string;
  locale: HelpLocale;
  /** In the public URL: `/help/<appId>/<locale>/articles/<slug>`; unique per workspace and locale. */
  slug: string;
  title: string;
  /** One or two sentences shown in lists and search results (plain text). */
  summary: string;
  /** Markdown. */
  body: string;
  status: ContentStatus;
  /** "Suggested on these pages": page globs as in page rules (`/billing/*`). */
  pages: string[];
  author_id: string | null;
  created_at: string;
  updated_at: string;
  /** When it last went live; null while a draft that never was. */
  published_at: string | null;
}

/** `GET /api/v1/articles/:id/stats`. */
export interface HelpArticleStats {
  views: number;
  /** Distinct contacts who opened it. */
  viewers: number;
  helpful: number;
  not_helpful: number;
  /** % of votes that said it helped; null without votes. */
  helpful_rate: number | null;
}

/** An article in a list or search result, as visitors see it. */
export interface HelpArticleSummary {
  id: string;
  title: string;
  summary: string;
  /** The public page, relative to the server (`/help/<appId>/<locale>/articles/<slug>`). */
  url: string;
}

/** An opened article (`help:article`): the markdown and this visitor's vote so far. */
export interface HelpArticleContent extends HelpArticleSummary {
  locale: HelpLocale;
  body: string;
  updatedAt: string;
  /** true: helped, false: did not, null: not voted. */
  vote: boolean | null;
}

/** `help:suggest`: articles meant for this page, or the most read ones when none is. */
export interface HelpSuggestions {
  articles: HelpArticleSummary[];
  reason: 'page' | 'popular';
}

/** How a visitor got to an article (kept on the view, for the stats). */
export const HELP_VIEW_SOURCES = ['home', 'search', 'suggestion', 'page'] as const;
export type HelpViewSource = (typeof HELP_VIEW_SOURCES)[number];
