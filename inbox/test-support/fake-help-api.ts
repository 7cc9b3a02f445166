/** The help center part of the fake InboxApi: every call fails unless the test provides it. */
import type { HelpCenterApi } from '../api/help-endpoints.js';

export function unexpectedHelpCenterApi(unexpected: () => Promise<never>): HelpCenterApi {
  return {
    listArticles: unexpected,
    getArticle: unexpected,
    createArticle: unexpected,
    updateArticle: unexpected,
    deleteArticle: unexpected,
    articleStats: unexpected,
    listHelpCollections: unexpected,
    createHelpCollection: unexpected,
    updateHelpCollection: unexpected,
    deleteHelpCollection: unexpected,
  };
}
