/** Response shapes of the help center (`/articles`, `/help-collections`), checked against protocol/help's interfaces. */
import { z } from 'zod';
import { CONTENT_STATUSES, HELP_LOCALES, type HelpArticle, type HelpArticleStats, type HelpCollection } from '../../../../protocol/index.js';
import { isoTime, model } from '../model.js';
import { named } from '../route-doc.js';

const translation = z.object({ name: z.string(), description: z.string().optional() });

export const HelpCollectionDoc = named(
  'HelpCollection',
  model<HelpCollection>()({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    position: z.number().int().describe('Order on the help page, ascending'),
    translations: z.partialRecord(z.enum(HELP_LOCALES), translation).describe('Name and description per locale; a locale without one shows `name`'),
    created_at: isoTime(),
    updated_at: isoTime(),
  }),
);

export const HelpArticleDoc = named(
  'HelpArticle',
  model<HelpArticle>()({
    id: z.string(),
    collection_id: z.string().nullable(),
    group_id: z.string().describe('Shared by the translations of one article'),
    locale: z.enum(HELP_LOCALES),
    slug: z.string().describe('In the public URL `/help/<appId>/<locale>/articles/<slug>`'),
    title: z.string(),
    summary: z.string(),
    body: z.string().describe('Markdown'),
    status: z.enum(CONTENT_STATUSES),
    pages: z.array(z.string()).describe('Page globs where the widget suggests it'),
    author_id: z.string().nullable(),
    created_at: isoTime(),
    updated_at: isoTime(),
    published_at: isoTime().nullable(),
  }),
);

export const HelpArticleStatsDoc = named(
  'HelpArticleStats',
  model<HelpArticleStats>()({
    views: z.number().int(),
    viewers: z.number().int().describe('Distinct contacts who opened it in the widget'),
    helpful: z.number().int(),
    not_helpful: z.number().int(),
    helpful_rate: z.number().nullable().describe('% of votes that said it helped; null without votes'),
  }),
);
