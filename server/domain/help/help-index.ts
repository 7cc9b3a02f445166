/**
 * The help center's full-text index behind one narrow interface, so the store
 * can change under it: SQLite FTS5 (sqlite-help-index.ts) and Postgres
 * tsvector (postgres-help-index.ts). Ranking is the index's: bm25 with
 * column weights, or ts_rank_cd over weighted lexemes; title counts most,
 * then the summary, then the body.
 */
import type { Kysely } from 'kysely';
import type { ContentStatus, HelpLocale } from '../../../protocol/index.js';
import type { Database, HelpArticleRow } from '../../store/index.js';

export interface IndexQuery {
  workspaceId: string;
  locale: HelpLocale;
  /** From `queryWords`: folded, stop words dropped, not stemmed. */
  words: readonly string[];
  /** `and`: articles with every word; `or`: with any, best first. */
  join: 'and' | 'or';
  prefixLast: boolean;
  /** Only articles with this status; all when absent (the inbox's search). */
  status?: ContentStatus;
  limit: number;
}

export interface HelpIndex {
  /** (Re)indexes an article; runs in the transaction that wrote it. */
  write(trx: Kysely<Database>, article: HelpArticleRow): Promise<void>;
  /** Ids of the matching articles, best first. */
  find(query: IndexQuery): Promise<string[]>;
}
