/**
 * Ranked search over one workspace's articles in one locale, for the search
 * box, answer suggestions and the inbox alike. Two passes: articles with
 * every word first (precise: a short search-box text), then articles with
 * any of them, best first, to fill the list — a whole sentence ("how do I
 * change my credit card") rarely has every word in one article, and requiring
 * them all would find nothing.
 */
import type { Kysely } from 'kysely';
import type { ContentStatus, HelpLocale } from '../../../protocol/index.js';
import type { Database, HelpArticleRow } from '../../store/index.js';
import type { HelpIndex } from './help-index.js';
import { queryWords } from './query-words.js';

export interface RankOptions {
  status?: ContentStatus;
  limit: number;
}

export class HelpSearch {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly index: HelpIndex,
  ) {}

  /** Ids of the matching articles, best first; none when nothing searchable was typed. */
  async rankedIds(workspaceId: string, text: string, locale: HelpLocale, { status, limit }: RankOptions): Promise<string[]> {
    const { words, typingLast } = queryWords(text, locale);
    if (words.length === 0) return [];
    const base = { workspaceId, locale, words, prefixLast: typingLast, status, limit };
    const every = words.length > 1 ? await this.index.find({ ...base, join: 'and' }) : [];
    if (every.length >= limit) return every;
    const any = await this.index.find({ ...base, join: 'or', limit: limit + every.length });
    return [...new Set([...every, ...any])].slice(0, limit);
  }

  /** The rows of `ids`, in that order (ids no longer there are skipped). */
  async rowsInOrder(ids: readonly string[]): Promise<HelpArticleRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('help_articles').selectAll().where('id', 'in', [...ids]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
