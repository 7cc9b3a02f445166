/**
 * ConversationSearch on SQLite FTS5: `messages_fts` (message bodies) and
 * `contacts_fts` (name, email, external id), created with their sync triggers
 * in migration 009. Both tokenize with `unicode61 remove_diacritics 2`, so
 * "cafe" finds "café"; the last term is a prefix.
 *
 * `snippet()` works only in the query that runs MATCH and not under a window
 * function, so the hits table carries a key per hit (`m<rowid>` for a message,
 * `c<rowid>` for a contact) and the excerpts of one page are read afterwards
 * with a second, small MATCH limited to those rowids.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.js';
import type { ConversationSearch, SearchHitRow } from './conversation-search.js';
import { ftsMatchExpression, plainExcerpt } from './fts-query.js';

/** Tokens of context in an excerpt. */
const MESSAGE_EXCERPT_TOKENS = 12;
const CONTACT_EXCERPT_TOKENS = 8;

export class SqliteConversationSearch implements ConversationSearch {
  constructor(private readonly db: Kysely<Database>) {}

  hits(workspaceId: string, text: string) {
    const match = ftsMatchExpression(text);
    if (match === null) return null;
    // A contact match stands for each of the contact's conversations, dated by the conversation's activity.
    return sql<SearchHitRow>`(
      SELECT conversation_id, matched_at, hit FROM (
        SELECT conversation_id, matched_at, hit,
               ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY matched_at DESC, hit DESC) AS rank
          FROM (
            SELECT m.conversation_id AS conversation_id, m.created_at AS matched_at, 'm' || messages_fts.rowid AS hit
              FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid
             WHERE messages_fts MATCH ${match} AND m.workspace_id = ${workspaceId}
            UNION ALL
            SELECT c.id, c.updated_at, 'c' || contacts_fts.rowid
              FROM contacts_fts
              JOIN contacts ct ON ct.rowid = contacts_fts.rowid
              JOIN conversations c ON c.contact_id = ct.id
             WHERE contacts_fts MATCH ${match} AND ct.workspace_id = ${workspaceId}
          )
      ) WHERE rank = 1
    )`.as('hits');
  }

  async excerpts(text: string, hits: readonly string[]): Promise<Map<string, string>> {
    const match = ftsMatchExpression(text);
    const out = new Map<string, string>();
    if (match === null || hits.length === 0) return out;
    const rowids = (prefix: string) => JSON.stringify(hits.filter((h) => h.startsWith(prefix)).map((h) => Number(h.slice(1))));
    const messages = await sql<{ rowid: number; excerpt: string | null }>`
      SELECT rowid, snippet(messages_fts, 0, '', '', '…', ${MESSAGE_EXCERPT_TOKENS}) AS excerpt
        FROM messages_fts WHERE messages_fts MATCH ${match} AND rowid IN (SELECT value FROM json_each(${rowids('m')}))`.execute(this.db);
    for (const r of messages.rows) out.set(`m${r.rowid}`, plainExcerpt(r.excerpt));
    const contacts = await sql<{ rowid: number; excerpt: string | null }>`
      SELECT rowid, snippet(contacts_fts, -1, '', '', '…', ${CONTACT_EXCERPT_TOKENS}) AS excerpt
        FROM contacts_fts WHERE contacts_fts MATCH ${match} AND rowid IN (SELECT value FROM json_each(${rowids('c')}))`.execute(this.db);
    for (const r of contacts.rows) out.set(`c${r.rowid}`, plainExcerpt(r.excerpt));
    return out;
  }
}
