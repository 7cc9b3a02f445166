/**
 * Full-text search of conversations, behind one narrow interface so the store
 * can change under it: SQLite FTS5 (sqlite-search.ts) and Postgres tsvector
 * (postgres-search.ts) implement the same two methods.
 *
 * The list of conversations owns filtering, ordering and paging; a search
 * only contributes a derived table of hits to join with it.
 */
import type { AliasedRawBuilder } from 'kysely';

/** One row per matching conversation: the time of its newest match and a key to that match's excerpt. */
export interface SearchHitRow {
  conversation_id: string;
  matched_at: string;
  hit: string;
}

export interface ConversationSearch {
  /**
   * Every conversation of the workspace whose messages or contact (name,
   * email, external id) match `text`, once each; null when `text` has nothing
   * to search for (it then matches nothing).
   */
  hits(workspaceId: string, text: string): AliasedRawBuilder<SearchHitRow, 'hits'> | null;
  /** Plain-text excerpts of what matched, for the `hit` keys of one page. */
  excerpts(text: string, hits: readonly string[]): Promise<Map<string, string>>;
}
