/**
 * The help center as visitors reach it through the widget (and the answer
 * bot through `suggestForText`): only live articles of the visitor's own
 * workspace, in the visitor's locale — or in English when the workspace has
 * written nothing in that locale yet. Someone else's or a draft article
 * answers not_found, exactly like a missing one.
 */
import type { Kysely } from 'kysely';
import {
  type HelpArticleContent,
  type HelpArticleSummary,
  type HelpLocale,
  type HelpSuggestions,
  type HelpViewSource,
  helpLocaleOf,
  type PageInfo,
} from '../../../protocol/index.js';
import { pageVerdict } from '../../../protocol/targeting/visit-verdict.js';
import type { Database, HelpArticleRow } from '../../store/index.js';
import { notFound } from '../errors.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import { articlePath, summaryOf, toHelpArticle, toSummary } from './article-rows.js';
import type { HelpFeedback } from './feedback.js';
import type { HelpSearch } from './help-search.js';

/** How many articles `help:suggest` offers. */
const PAGE_SUGGESTIONS = 5;

export class VisitorHelp {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly search: HelpSearch,
    private readonly feedback: HelpFeedback,
    private readonly workspaces: WorkspaceDirectory,
  ) {}

  /** Live articles matching a search box text, best first. */
  async find(workspaceId: string, text: string, locale: string | undefined, limit = 8): Promise<HelpArticleSummary[]> {
    const lang = await this.localeWithArticles(workspaceId, helpLocaleOf(locale));
    const ids = await this.search.rankedIds(workspaceId, text, lang, { status: 'live', limit });
    return this.summaries(workspaceId, await this.search.rowsInOrder(ids));
  }

  /**
   * Answer suggestions: live articles that may answer a question written in
   * full ("how do I change my credit card"), best first. The widget calls it
   * as the visitor writes a first message; an answer bot can call it with a
   * new conversation's first message.
   */
  suggestForText(workspaceId: string, text: string, locale: string | undefined, limit = 3): Promise<HelpArticleSummary[]> {
    return this.find(workspaceId, text, locale, limit);
  }

  /** Articles whose `pages` match this page (page-rule globs); the most read ones when none does. */
  async suggestForPage(workspaceId: string, pageUrl: string, locale: string | undefined): Promise<HelpSuggestions> {
    const lang = await this.localeWithArticles(workspaceId, helpLocaleOf(locale));
    const rows = await this.liveRows(workspaceId, lang);
    const page = pageOf(pageUrl);
    const forPage = page ? rows.filter((row) => toHelpArticle(row).pages.some((glob) => pageMatches(glob, page))) : [];
    if (forPage.length > 0) return { articles: await this.summaries(workspaceId, forPage.slice(0, PAGE_SUGGESTIONS)), reason: 'page' };
    const views = await this.feedback.viewCounts(rows.map((r) => r.id));
    const popular = [...rows].sort((a, b) => (views.get(b.id) ?? 0) - (views.get(a.id) ?? 0) || b.updated_at.localeCompare(a.updated_at));
    return { articles: await this.summaries(workspaceId, popular.slice(0, PAGE_SUGGESTIONS)), reason: 'popular' };
  }

  /** One live article for a visitor; the view is recorded. */
  async open(workspaceId: string, contactId: string, id: string, source: HelpViewSource = 'home'): Promise<HelpArticleContent> {
    const row = await this.liveRow(workspaceId, id);
    await this.feedback.recordView(workspaceId, row.id, contactId, source);
    const { appId } = await this.workspaces.byId(workspaceId);
    return {
      id: row.id,
      title: row.title,
      summary: summaryOf(row),
      url: articlePath(appId, row),
      locale: row.locale,
      body: row.body,
      updatedAt: row.updated_at,
      vote: await this.feedback.voteOf(row.id, contactId),
    };
  }

  async vote(workspaceId: string, contactId: string, id: string, helpful: boolean): Promise<void> {
    const row = await this.liveRow(workspaceId, id);
    await this.feedback.vote(workspaceId, row.id, contactId, helpful);
  }

  /** Whether the workspace has any live article (the widget shows its Home tab then). */
  async hasLive(workspaceId: string): Promise<boolean> {
    const row = await this.db.selectFrom('help_articles').select('id').where('workspace_id', '=', workspaceId).where('status', '=', 'live').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** The visitor's locale when the workspace has live articles in it, English otherwise. */
  async localeWithArticles(workspaceId: string, locale: HelpLocale): Promise<HelpLocale> {
    if (locale === 'en') return locale;
    const any = await this.db
      .selectFrom('help_articles')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('locale', '=', locale)
      .where('status', '=', 'live')
      .limit(1)
      .executeTakeFirst();
    return any ? locale : 'en';
  }

  private async liveRow(workspaceId: string, id: string): Promise<HelpArticleRow> {
    const row = await this.db
      .selectFrom('help_articles')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('status', '=', 'live')
      .executeTakeFirst();
    if (!row) throw notFound('article');
    return row;
  }

  private liveRows(workspaceId: string, locale: HelpLocale): Promise<HelpArticleRow[]> {
    return this.db.selectFrom('help_articles').selectAll().where('workspace_id', '=', workspaceId).where('locale', '=', locale).where('status', '=', 'live').execute();
  }

  private async summaries(workspaceId: string, rows: readonly HelpArticleRow[]): Promise<HelpArticleSummary[]> {
    if (rows.length === 0) return [];
    const { appId } = await this.workspaces.byId(workspaceId);
    return rows.map((row) => toSummary(appId, row));
  }
}

function pageOf(pageUrl: string): PageInfo | null {
  try {
    const url = new URL(pageUrl);
    return { url: url.href, path: url.pathname };
  } catch {
    return null;
  }
}

/** Exactly as a page rule matches (protocol/targeting): the path, or the full URL when the glob has a scheme. */
const pageMatches = (glob: string, page: PageInfo) => pageVerdict({ op: 'glob', value: glob }, page) === true;
