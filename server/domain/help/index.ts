/**
 * The help center (docs/help-center.md): collections and articles for
 * admins, search, suggestions, views and votes for visitors, and the public
 * help page's reads. `suggestForText` is the entry point for anything that
 * answers a question with articles (the widget's answer suggestions, an
 * answer bot on new conversations).
 */
import type { Kysely } from 'kysely';
import type { HelpArticleSummary } from '../../../protocol/index.js';
import { isSqlite } from '../../store/dialect.js';
import type { Database } from '../../store/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import { HelpArticles } from './articles.js';
import { HelpCollections } from './collections.js';
import { HelpFeedback } from './feedback.js';
import type { HelpIndex } from './help-index.js';
import { HelpSearch } from './help-search.js';
import { HelpSite } from './help-site.js';
import { PostgresHelpIndex } from './postgres-help-index.js';
import { SqliteHelpIndex } from './sqlite-help-index.js';
import { VisitorHelp } from './visitor-help.js';

export class HelpCenter {
  readonly collections: HelpCollections;
  readonly articles: HelpArticles;
  readonly feedback: HelpFeedback;
  readonly visitors: VisitorHelp;
  readonly site: HelpSite;

  constructor(db: Kysely<Database>, workspaces: WorkspaceDirectory) {
    const index: HelpIndex = isSqlite(db) ? new SqliteHelpIndex(db) : new PostgresHelpIndex(db);
    const search = new HelpSearch(db, index);
    this.collections = new HelpCollections(db);
    this.articles = new HelpArticles(db, index, search);
    this.feedback = new HelpFeedback(db);
    this.visitors = new VisitorHelp(db, search, this.feedback, workspaces);
    this.site = new HelpSite(db, workspaces, this.visitors, this.feedback);
  }

  /**
   * Live articles that may answer `text` (a visitor's question, written in
   * full), best first, in `locale` ("id-ID", "ar"… — English when the
   * workspace has none in it).
   *
   * @example await domain.help.suggestForText(workspaceId, 'how do I change my credit card', 'en', 3)
   */
  suggestForText(workspaceId: string, text: string, locale: string | undefined, limit = 3): Promise<HelpArticleSummary[]> {
    return this.visitors.suggestForText(workspaceId, text, locale, limit);
  }
}

export { anonymiseHelpViews, anonymiseHelpVotes } from './help-erase.js';
export { seedDemoHelpCenter } from './demo-articles.js';
export { markdownText } from './markdown-text.js';
export { queryWords } from './query-words.js';
export { stemArabic } from './stem-arabic.js';
export { stemIndonesian } from './stem-indonesian.js';
export type { SiteArticle, SiteHome, SiteSection, SiteWorkspace } from './help-site.js';
