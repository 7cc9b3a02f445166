/**
 * HelpIndex on Postgres (migration 014): the generated, weighted `search`
 * tsvector of each article (title A, summary B, body C) in its locale's text
 * search configuration (`parley_help_tsconfig`), matched with a tsquery of the
 * query words in the same configuration — so Postgres stems both sides — and
 * ranked with ts_rank_cd (cover density: words found close together count
 * more). Nothing to write: the column follows the row.
 *
 * Normalisation 1 (divide by 1 + log of the length) keeps long articles that
 * mention a word in passing from outranking the one about it.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.js';
import { tsQueryOf } from '../search/index.js';
import type { HelpIndex, IndexQuery } from './help-index.js';

/** ts_rank weights for D, C, B, A: the body (C) a tenth of the title (A). */
const WEIGHTS = '{0.05, 0.1, 0.4, 1.0}';
const NORMALIZATION = 1;

export class PostgresHelpIndex implements HelpIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async write(): Promise<void> {}

  async find(q: IndexQuery): Promise<string[]> {
    const source = tsQueryOf(q.words, q);
    if (source === null) return [];
    const { rows } = await sql<{ id: string }>`
      SELECT a.id FROM help_articles a, to_tsquery(parley_help_tsconfig(${q.locale}), ${source}) AS query
       WHERE a.search @@ query AND a.workspace_id = ${q.workspaceId} AND a.locale = ${q.locale}
         ${q.status ? sql`AND a.status = ${q.status}` : sql``}
       ORDER BY ts_rank_cd(${WEIGHTS}::float4[], a.search, query, ${NORMALIZATION}) DESC, a.updated_at DESC
       LIMIT ${q.limit}`.execute(this.db);
    return rows.map((r) => r.id);
  }
}
