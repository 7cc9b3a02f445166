/**
 * What the public help page of a workspace shows (server/pages/help*):
 * its live collections and articles in one locale, one article by slug with
 * its translations (for `hreflang` links), and search. Opening an article
 * here records a view without a contact (the page sets no cookie).
 */
import type { Kysely } from 'kysely';
import { HELP_LOCALES, type HelpArticleSummary, type HelpLocale } from '../../../protocol/index.js';
import type { Database, HelpArticleRow } from '../../store/index.js';
import { notFound } from '../errors.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import { articlePath, collectionIn, toHelpCollection, toSummary } from './article-rows.js';
import type { HelpFeedback } from './feedback.js';
import type { VisitorHelp } from './visitor-help.js';

export interface SiteWorkspace {
  id: string;
  appId: string;
  name: string;
}

export interface SiteSection {
  id: string | null;
  name: string;
  description: string;
  articles: HelpArticleSummary[];
}

export interface SiteHome {
  workspace: SiteWorkspace;
  locale: HelpLocale;
  /** Locales with at least one live article, for the language links. */
  locales: HelpLocale[];
  sections: SiteSection[];
}

export interface SiteArticle {
  workspace: SiteWorkspace;
  article: HelpArticleRow;
  collection: string | null;
  /** The same article in the other locales where it is live. */
  translations: Array<{ locale: HelpLocale; path: string }>;
}

export class HelpSite {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly workspaces: WorkspaceDirectory,
    private readonly visitors: VisitorHelp,
    private readonly feedback: HelpFeedback,
  ) {}

  async home(appId: string, locale: HelpLocale): Promise<SiteHome> {
    const workspace = await this.workspace(appId);
    const rows = await this.live(workspace.id).where('locale', '=', locale).orderBy('title').execute();
    const collections = (await this.db.selectFrom('help_collections').selectAll().where('workspace_id', '=', workspace.id).orderBy('position').orderBy('created_at').execute()).map(toHelpCollection);
    const sections: SiteSection[] = collections.map((c) => {
      const { name, description } = collectionIn(c, locale);
      return { id: c.id, name, description: description ?? '', articles: rows.filter((r) => r.collection_id === c.id).map((r) => toSummary(appId, r)) };
    });
    const loose = rows.filter((r) => !r.collection_id || !collections.some((c) => c.id === r.collection_id));
    if (loose.length > 0) sections.push({ id: null, name: '', description: '', articles: loose.map((r) => toSummary(appId, r)) });
    return { workspace, locale, locales: await this.locales(workspace.id), sections: sections.filter((s) => s.articles.length > 0) };
  }

  async article(appId: string, locale: HelpLocale, slug: string): Promise<SiteArticle> {
    const workspace = await this.workspace(appId);
    const article = await this.live(workspace.id).where('locale', '=', locale).where('slug', '=', slug).executeTakeFirst();
    if (!article) throw notFound('article');
    const others = await this.live(workspace.id).where('group_id', '=', article.group_id).where('id', '!=', article.id).execute();
    const collection = article.collection_id
      ? await this.db.selectFrom('help_collections').selectAll().where('id', '=', article.collection_id).executeTakeFirst()
      : undefined;
    await this.feedback.recordView(workspace.id, article.id, null, 'page');
    return {
      workspace,
      article,
      collection: collection ? collectionIn(toHelpCollection(collection), locale).name : null,
      translations: others.map((row) => ({ locale: row.locale, path: articlePath(appId, row) })),
    };
  }

  async search(appId: string, locale: HelpLocale, q: string): Promise<{ workspace: SiteWorkspace; results: HelpArticleSummary[] }> {
    const workspace = await this.workspace(appId);
    return { workspace, results: await this.visitors.find(workspace.id, q, locale, 20) };
  }

  private async workspace(appId: string): Promise<SiteWorkspace> {
    const ws = await this.workspaces.byAppId(appId).catch(() => {
      throw notFound('help center');
    });
    return { id: ws.id, appId: ws.appId, name: ws.name };
  }

  private live(workspaceId: string) {
    return this.db.selectFrom('help_articles').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'live');
  }

  private async locales(workspaceId: string): Promise<HelpLocale[]> {
    const rows = await this.db.selectFrom('help_articles').select('locale').distinct().where('workspace_id', '=', workspaceId).where('status', '=', 'live').execute();
    const present = new Set(rows.map((r) => r.locale));
    return HELP_LOCALES.filter((l) => present.has(l));
  }
}
