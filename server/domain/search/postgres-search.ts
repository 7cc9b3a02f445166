/**
 * ConversationSearch on Postgres: the generated `search` tsvectors of messages
 * and contacts (migration 011), matched with a tsquery that `tsQuerySource`
 * builds (every word, the last as a prefix). Hits are keyed `m<message id>` /
 * `c<contact id>`; excerpts come from `ts_headline` over the original text, so
 * they keep the accents and case that the index folds away.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.js';
import type { ConversationSearch, SearchHitRow } from './conversation-search.js';
import { plainExcerpt, tsQuerySource } from './fts-query.js';

/** ts_headline options: no markup (the inbox shows text), about a dozen words of context. */
const MESSAGE_HEADLINE = 'StartSel="",StopSel="",MinWords=6,MaxWords=14,ShortWord=0,MaxFragments=1,FragmentDelimiter=" … "';
const CONTACT_HEADLINE = 'StartSel="",StopSel="",MinWords=3,MaxWords=8,ShortWord=0,MaxFragments=1,FragmentDelimiter=" … "';

export class PostgresConversationSearch implements ConversationSearch {
  constructor(private readonly db: Kysely<Database>) {}

  hits(workspaceId: string, text: string) {
    const source = tsQuerySource(text);
    if (source === null) return null;
    // A contact match stands for each of the contact's conversations, dated by the conversation's activity.
    return sql<SearchHitRow>`(
      SELECT DISTINCT ON (conversation_id) conversation_id, matched_at, hit FROM (
        SELECT m.conversation_id AS conversation_id, m.created_at AS matched_at, 'm' || m.id AS hit
          FROM messages m
         WHERE m.search @@ to_tsquery('simple', ${source}) AND m.workspace_id = ${workspaceId}
        UNION ALL
        SELECT c.id, c.updated_at, 'c' || ct.id
          FROM contacts ct JOIN conversations c ON c.contact_id = ct.id
         WHERE ct.search @@ to_tsquery('simple', ${source}) AND ct.workspace_id = ${workspaceId}
      ) AS matches
      ORDER BY conversation_id, matched_at DESC, hit DESC
    )`.as('hits');
  }

  async excerpts(text: string, hits: readonly string[]): Promise<Map<string, string>> {
    const source = tsQuerySource(text);
    const out = new Map<string, string>();
    if (source === null || hits.length === 0) return out;
    const ids = (prefix: string) => hits.filter((h) => h.startsWith(prefix)).map((h) => h.slice(1));
    const messageIds = ids('m');
    if (messageIds.length > 0) {
      const messages = await sql<{ id: string; excerpt: string | null }>`
        SELECT id, ts_headline('simple', body, to_tsquery('simple', ${source}), ${MESSAGE_HEADLINE}) AS excerpt
          FROM messages WHERE id = ANY(${messageIds})`.execute(this.db);
      for (const r of messages.rows) out.set(`m${r.id}`, plainExcerpt(r.excerpt));
    }
    const contactIds = ids('c');
    if (contactIds.length > 0) {
      const contacts = await sql<{ id: string; excerpt: string | null }>`
        SELECT id, ts_headline('simple', concat_ws(' ', name, email, external_id), to_tsquery('simple', ${source}), ${CONTACT_HEADLINE}) AS excerpt
          FROM contacts WHERE id = ANY(${contactIds})`.execute(this.db);
      for (const r of contacts.rows) out.set(`c${r.id}`, plainExcerpt(r.excerpt));
    }
    return out;
  }
}
