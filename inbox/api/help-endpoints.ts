/**
 * The help center endpoints (docs/help-center.md): articles (filtered by
 * locale, status, collection or translation group, and searched), their
 * stats, and collections. Part of `InboxApi`.
 */
import type { z } from 'zod';
import type {
  createHelpArticleSchema,
  createHelpCollectionSchema,
  HelpArticle,
  HelpArticleListQuery,
  HelpArticleStats,
  HelpCollection,
  Page,
  updateHelpArticleSchema,
  updateHelpCollectionSchema,
} from '../../protocol/index.js';
import type { HttpClient } from './http.js';

export type CreateHelpArticleRequest = z.input<typeof createHelpArticleSchema>;
export type UpdateHelpArticleRequest = z.input<typeof updateHelpArticleSchema>;
export type CreateHelpCollectionRequest = z.input<typeof createHelpCollectionSchema>;
export type UpdateHelpCollectionRequest = z.input<typeof updateHelpCollectionSchema>;

export interface HelpCenterApi {
  listArticles(query?: HelpArticleListQuery): Promise<Page<HelpArticle>>;
  getArticle(id: string): Promise<HelpArticle>;
  createArticle(input: CreateHelpArticleRequest): Promise<HelpArticle>;
  updateArticle(id: string, patch: UpdateHelpArticleRequest): Promise<HelpArticle>;
  deleteArticle(id: string): Promise<void>;
  articleStats(id: string): Promise<HelpArticleStats>;
  listHelpCollections(): Promise<Page<HelpCollection>>;
  createHelpCollection(input: CreateHelpCollectionRequest): Promise<HelpCollection>;
  updateHelpCollection(id: string, patch: UpdateHelpCollectionRequest): Promise<HelpCollection>;
  deleteHelpCollection(id: string): Promise<void>;
}

export function createHelpCenterApi(http: HttpClient): HelpCenterApi {
  const id = encodeURIComponent;
  return {
    listArticles: (query = {}) => http.get('/articles', { query: { ...query } }),
    getArticle: (articleId) => http.get(`/articles/${id(articleId)}`),
    createArticle: (input) => http.post('/articles', input),
    updateArticle: (articleId, patch) => http.patch(`/articles/${id(articleId)}`, patch),
    deleteArticle: (articleId) => http.delete(`/articles/${id(articleId)}`),
    articleStats: (articleId) => http.get(`/articles/${id(articleId)}/stats`),
    listHelpCollections: () => http.get('/help-collections'),
    createHelpCollection: (input) => http.post('/help-collections', input),
    updateHelpCollection: (collectionId, patch) => http.patch(`/help-collections/${id(collectionId)}`, patch),
    deleteHelpCollection: (collectionId) => http.delete(`/help-collections/${id(collectionId)}`),
  };
}
