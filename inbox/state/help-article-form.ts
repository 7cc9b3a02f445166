/**
 * A help article's form: the draft the editor holds, checked against the
 * protocol's own `createHelpArticleSchema` (so the inbox says what the server
 * would), the server's refusal mapped onto the same fields, and the PATCH of
 * what changed. Pages are written one glob per line.
 */
import {
  createHelpArticleSchema,
  type CreateHelpArticleInput,
  type ContentStatus,
  type HelpArticle,
  type HelpLocale,
  type UpdateHelpArticleInput,
} from '../../protocol/index.js';
import type { Checked } from '../views/content/use-content-editor.js';
import { changedKeys, errorsByField, type FieldErrors, parseServerIssue, zodIssues } from './form-issues.js';

export interface ArticleDraft {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  locale: HelpLocale;
  /** Empty: derived from the title by the server. */
  slug: string;
  /** Empty: no collection. */
  collectionId: string;
  /** One page glob per line. */
  pages: string;
  status: ContentStatus;
}

export type ArticleField = 'title' | 'summary' | 'body' | 'locale' | 'slug' | 'collection_id' | 'pages' | 'status';
export type ArticleErrors = FieldErrors<ArticleField>;

export const LOCALE_NAMES: Record<HelpLocale, string> = { en: 'English', id: 'Indonesian', ar: 'Arabic' };

export function articleDraftFrom(article: HelpArticle | null): ArticleDraft {
  return {
    title: article?.title ?? '',
    summary: article?.summary ?? '',
    body: article?.body ?? '',
    locale: article?.locale ?? 'en',
    slug: article?.slug ?? '',
    collectionId: article?.collection_id ?? '',
    pages: (article?.pages ?? []).join('\n'),
    status: article?.status ?? 'draft',
  };
}

const FIELDS: readonly ArticleField[] = ['title', 'summary', 'body', 'locale', 'slug', 'collection_id', 'pages', 'status'];
const fieldOf = (path: readonly PropertyKey[]): ArticleField | null => (FIELDS as readonly PropertyKey[]).includes(path[0]) ? (path[0] as ArticleField) : null;

export function pageLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function articleInputFrom(draft: ArticleDraft): Checked<CreateHelpArticleInput, ArticleErrors> {
  const result = createHelpArticleSchema.safeParse({
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    locale: draft.locale,
    slug: draft.slug.trim() || undefined,
    collection_id: draft.collectionId || null,
    pages: pageLines(draft.pages),
    status: draft.status,
  });
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: errorsByField(zodIssues(result.error), fieldOf) };
}

/** Only what changed since `saved` (the slug is left alone when the field was emptied: the server keeps it). */
export function articlePatch(saved: HelpArticle, input: CreateHelpArticleInput): UpdateHelpArticleInput {
  const { translation_of: _t, ...fields } = input;
  return changedKeys(saved, { ...fields, slug: fields.slug ?? saved.slug });
}

/** A `validation_failed` "slug: …" onto its field; null when it names none of the form's (the editor shows it as an alert). */
export function articleServerErrors(message: string): ArticleErrors | null {
  const issue = parseServerIssue(message);
  const errors = issue ? errorsByField([issue], fieldOf) : {};
  return Object.keys(errors).length > 0 ? errors : null;
}
