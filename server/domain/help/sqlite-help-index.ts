/**
 * HelpIndex on SQLite FTS5 (migration 014): English articles in `help_fts_en`
 * (Porter), Indonesian and Arabic in `help_fts` with our stemmers applied
 * before indexing and to the query words alike. Rows are keyed by the
 * article's rowid and written here, in the article's own transaction; a
 * trigger removes them with the article.
 *
 * bm25 weights: a word in the title is worth 10 in the body, in the summary
 * 4 — the title says what an article is about, the body may mention a word
 * in passing. They order close matches (the article titled "Refunds" before
 * the one that mentions refunds); help-ranking.test.ts holds the ranking to
 * its fixed corpus.
 */
import { type Kysely, sql } from 'kysely';
import type { HelpLocale } from '../../../protocol/index.js';
import type { Database, HelpArticleRow } from '../../store/index.js';
import { ftsWordsExpression } from '../search/index.js';
import type { HelpIndex, IndexQuery } from './help-index.js';
import { indexedText, stemFor } from './query-words.js';

const TABLES = { en: 'help_fts_en', other: 'help_fts' } as const;
const tableFor = (locale: HelpLocale) => (locale === 'en' ? TABLES.en : TABLES.other);

const WEIGHTS = { title: 10, summary: 4, body: 1 } as const;

export class SqliteHelpIndex implements HelpIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async write(trx: Kysely<Database>, article: HelpArticleRow): Promise<void> {
    const { rows } = await sql<{ rowid: number }>`SELECT rowid FROM help_articles WHERE id = ${article.id}`.execute(trx);
    const rowid = rows[0]?.rowid;
    if (rowid === undefined) return;
    // The locale may have changed: out of both, into its own.
    for (const table of Object.values(TABLES)) await sql`DELETE FROM ${sql.table(table)} WHERE rowid = ${rowid}`.execute(trx);
    const text = (s: string) => indexedText(s, article.locale);
    await sql`INSERT INTO ${sql.table(tableFor(article.locale))} (rowid, title, summary, body)
      VALUES (${rowid}, ${text(article.title)}, ${text(article.summary)}, ${text(article.body_text)})`.execute(trx);
  }

  async find(q: IndexQuery): Promise<string[]> {
    const match = ftsWordsExpression(q.words.map(stemFor(q.locale)), q);
    if (match === null) return [];
    const fts = sql.table(tableFor(q.locale));
    const { rows } = await sql<{ id: string }>`
      SELECT a.id FROM ${fts} JOIN help_articles a ON a.rowid = ${fts}.rowid
       WHERE ${fts} MATCH ${match} AND a.workspace_id = ${q.workspaceId} AND a.locale = ${q.locale}
         ${q.status ? sql`AND a.status = ${q.status}` : sql``}
       ORDER BY bm25(${fts}, ${WEIGHTS.title}, ${WEIGHTS.summary}, ${WEIGHTS.body}), a.updated_at DESC
       LIMIT ${q.limit}`.execute(this.db);
    return rows.map((r) => r.id);
  }
}
