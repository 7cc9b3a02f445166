/**
 * Input schemas of the help center: `/api/v1/articles`,
 * `/api/v1/help-collections` and the widget's `help:*` requests. Every limit
 * is enforced before anything is stored or searched.
 */
import { z } from 'zod';
import { CONTENT_STATUSES } from '../content/models.js';
import { pageGlobSchema } from '../content/schemas.js';
import { HELP_LOCALES, HELP_VIEW_SOURCES } from './models.js';

export const HELP_LIMITS = {
  title: 200,
  summary: 500,
  body: 50_000,
  slug: 120,
  pages: 20,
  collectionName: 120,
  description: 500,
  /** What a visitor types: a search box or a composer's first message. */
  query: 1_000,
  results: 10,
} as const;

const idRef = z.string().min(1).max(64);
const localeSchema = z.enum(HELP_LOCALES);

/** Lower-case letters (any script) and digits in dash-separated words: `cancel-subscription`, `batalkan-langganan`. */
export const articleSlugSchema = z
  .string()
  .max(HELP_LIMITS.slug)
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'lower-case words and digits joined by dashes');

const translationSchema = z.strictObject({
  name: z.string().trim().min(1).max(HELP_LIMITS.collectionName),
  description: z.string().trim().max(HELP_LIMITS.description).optional(),
});

const collectionFields = {
  name: z.string().trim().min(1).max(HELP_LIMITS.collectionName),
  description: z.string().trim().max(HELP_LIMITS.description).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  translations: z.partialRecord(localeSchema, translationSchema).optional(),
};

export const createHelpCollectionSchema = z.strictObject(collectionFields);
export const updateHelpCollectionSchema = z.strictObject({ ...collectionFields, name: collectionFields.name.optional() });
export type CreateHelpCollectionInput = z.infer<typeof createHelpCollectionSchema>;
export type UpdateHelpCollectionInput = z.infer<typeof updateHelpCollectionSchema>;

const articleFields = {
  title: z.string().trim().min(1).max(HELP_LIMITS.title),
  summary: z.string().trim().max(HELP_LIMITS.summary).optional(),
  body: z.string().max(HELP_LIMITS.body),
  locale: localeSchema.optional(),
  collection_id: idRef.nullable().optional(),
  /** Derived from the title when left out. */
  slug: articleSlugSchema.optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
  pages: z.array(pageGlobSchema).max(HELP_LIMITS.pages).optional(),
};

export const createHelpArticleSchema = z.strictObject({
  ...articleFields,
  /** Another article's id: the new one is its translation (same group, another locale). */
  translation_of: idRef.optional(),
});
export const updateHelpArticleSchema = z.strictObject({ ...articleFields, title: articleFields.title.optional(), body: articleFields.body.optional() });
export type CreateHelpArticleInput = z.infer<typeof createHelpArticleSchema>;
export type UpdateHelpArticleInput = z.infer<typeof updateHelpArticleSchema>;

/** `GET /api/v1/articles?locale=&status=&collection_id=&group_id=&q=`. */
export const helpArticleListQuerySchema = z.object({
  locale: localeSchema.optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
  collection_id: idRef.optional(),
  group_id: idRef.optional(),
  q: z.string().max(200).optional(),
});
export type HelpArticleListQuery = z.infer<typeof helpArticleListQuerySchema>;

/** A visitor's locale as the SDK has it ("id-ID"); the server maps it to one of ours. */
const visitorLocale = z.string().max(35).optional();

/** `help:search`: the search box, or the first message being written (answer suggestions). */
export const helpSearchSchema = z.object({
  q: z.string().max(HELP_LIMITS.query),
  locale: visitorLocale,
  limit: z.number().int().min(1).max(HELP_LIMITS.results).optional(),
});
/** `help:suggest`: articles for the page the visitor is on. */
export const helpSuggestSchema = z.object({ pageUrl: z.string().max(2_000), locale: visitorLocale });
/** `help:article`: opens one (and records the view). */
export const helpArticleRequestSchema = z.object({ id: idRef, source: z.enum(HELP_VIEW_SOURCES).optional() });
/** `help:vote`: "Did this help?"; one vote per contact and article, changeable. */
export const helpVoteSchema = z.object({ id: idRef, helpful: z.boolean() });
export type HelpSearchInput = z.infer<typeof helpSearchSchema>;
export type HelpSuggestInput = z.infer<typeof helpSuggestSchema>;
export type HelpArticleRequest = z.infer<typeof helpArticleRequestSchema>;
export type HelpVoteInput = z.infer<typeof helpVoteSchema>;
