/**
 * What visitors did with articles: views (widget or public page) and "did
 * this help?" votes — one per contact and article, a second vote replaces the
 * first — and the counts an article's stats show.
 */
import type { Kysely } from 'kysely';
import type { HelpArticleStats, HelpViewSource } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { newId, nowIso } from '../ids.js';

export class HelpFeedback {
  constructor(private readonly db: Kysely<Database>) {}

  async recordView(workspaceId: string, articleId: string, contactId: string | null, source: HelpViewSource): Promise<void> {
    await this.db
      .insertInto('help_article_views')
      .values({ id: newId('hview'), workspace_id: workspaceId, article_id: articleId, contact_id: contactId, source, created_at: nowIso() })
      .execute();
  }

  async vote(workspaceId: string, articleId: string, contactId: string, helpful: boolean): Promise<void> {
    const now = nowIso();
    await this.db
      .insertInto('help_article_votes')
      .values({ article_id: articleId, contact_id: contactId, workspace_id: workspaceId, helpful: helpful ? 1 : 0, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['article_id', 'contact_id']).doUpdateSet({ helpful: helpful ? 1 : 0, updated_at: now }))
      .execute();
  }

  /** This contact's vote on the article: null when none. */
  async voteOf(articleId: string, contactId: string): Promise<boolean | null> {
    const row = await this.db.selectFrom('help_article_votes').select('helpful').where('article_id', '=', articleId).where('contact_id', '=', contactId).executeTakeFirst();
    return row ? Number(row.helpful) === 1 : null;
  }

  async stats(articleId: string): Promise<HelpArticleStats> {
    const views = await this.db
      .selectFrom('help_article_views')
      .select((eb) => [eb.fn.countAll<number>().as('views'), eb.fn.count<number>('contact_id').distinct().as('viewers')])
      .where('article_id', '=', articleId)
      .executeTakeFirstOrThrow();
    const votes = await this.db
      .selectFrom('help_article_votes')
      .select(['helpful', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', '=', articleId)
      .groupBy('helpful')
      .execute();
    const count = (value: number) => Number(votes.find((v) => Number(v.helpful) === value)?.n ?? 0);
    const helpful = count(1);
    const notHelpful = count(0);
    const total = helpful + notHelpful;
    return {
      views: Number(views.views),
      viewers: Number(views.viewers),
      helpful,
      not_helpful: notHelpful,
      helpful_rate: total === 0 ? null : Math.round((helpful / total) * 100),
    };
  }

  /** Views per article, most read first (for "popular" lists). */
  async viewCounts(articleIds: readonly string[]): Promise<Map<string, number>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('help_article_views')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', 'in', [...articleIds])
      .groupBy('article_id')
      .execute();
    return new Map(rows.map((r) => [r.article_id, Number(r.n)]));
  }
}
