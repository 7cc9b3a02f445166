/** `/articles`, `/help-collections`: the help center (routes/articles.ts, routes/articles-collections.ts; docs/help-center.md). */
import {
  createHelpArticleSchema,
  createHelpCollectionSchema,
  helpArticleListQuerySchema,
  updateHelpArticleSchema,
  updateHelpCollectionSchema,
} from '../../../../protocol/index.js';
import { HelpArticleDoc, HelpArticleStatsDoc, HelpCollectionDoc } from '../models/help.js';
import { json, named, type RouteDoc } from '../route-doc.js';
import { crudDocs } from './crud.js';

const [list, ...articleCrud] = crudDocs({
  base: '/articles',
  tag: 'Help center',
  thing: 'article',
  item: HelpArticleDoc,
  create: named('CreateHelpArticleRequest', createHelpArticleSchema),
  update: named('UpdateHelpArticleRequest', updateHelpArticleSchema),
});

export const helpDocs: RouteDoc[] = [
  {
    ...list,
    description: 'Filtered by locale, status, collection or translation group; `q` searches title, summary and body (best first).',
    request: { query: helpArticleListQuerySchema },
  },
  ...articleCrud,
  {
    method: 'get',
    path: '/articles/:id/stats',
    summary: 'Article stats',
    description: 'Views and "did this help?" votes.',
    tags: ['Help center'],
    auth: 'admin',
    request: { params: { id: 'The article’s id' } },
    responses: { 200: json('Views and votes', HelpArticleStatsDoc) },
  },
  ...crudDocs({
    base: '/help-collections',
    tag: 'Help center',
    thing: 'collection',
    item: HelpCollectionDoc,
    create: named('CreateHelpCollectionRequest', createHelpCollectionSchema),
    update: named('UpdateHelpCollectionRequest', updateHelpCollectionSchema),
  }),
];
