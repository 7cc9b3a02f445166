/**
 * A page of the inbox list when it searches: the conversations the list's
 * filters keep and the search matched, newest match first, each with a
 * plain-text excerpt of what matched. Keyset-paged on (match time, id).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ConversationRow, Database } from '../../store/index.js';
import { encodeCursor } from '../cursor.js';
import type { ConversationSearch } from '../search/index.js';
import { decodeTaggedCursor } from './list-order.js';

const TAG = 's:';

export async function searchPage(
  db: Kysely<Database>,
  search: ConversationSearch,
  filtered: SelectQueryBuilder<Database, 'conversations', ConversationRow>,
  q: { workspaceId: string; text: string; limit: number; cursor?: string },
): Promise<{ rows: { row: ConversationRow; match: string }[]; next: string | null }> {
  const hits = search.hits(q.workspaceId, q.text);
  if (!hits) return { rows: [], next: null };
  let query = db
    .selectFrom(hits)
    .selectAll()
    .where('hits.conversation_id', 'in', filtered.clearSelect().select('conversations.id'));
  if (q.cursor) {
    const [at, id] = decodeTaggedCursor(q.cursor, TAG);
    query = query.where((eb) => eb.or([eb('hits.matched_at', '<', at), eb.and([eb('hits.matched_at', '=', at), eb('hits.conversation_id', '<', id)])]));
  }
  const found = await query.orderBy('hits.matched_at', 'desc').orderBy('hits.conversation_id', 'desc').limit(q.limit + 1).execute();
  const shown = found.slice(0, q.limit);
  const last = shown[shown.length - 1];
  const next = found.length > q.limit && last ? encodeCursor(TAG + last.matched_at, last.conversation_id) : null;
  if (shown.length === 0) return { rows: [], next };

  const [rows, excerpts] = await Promise.all([
    db.selectFrom('conversations').selectAll().where('id', 'in', shown.map((h) => h.conversation_id)).execute(),
    search.excerpts(q.text, shown.map((h) => h.hit)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: shown.flatMap((h) => {
      const row = byId.get(h.conversation_id);
      return row ? [{ row, match: excerpts.get(h.hit) ?? '' }] : [];
    }),
    next,
  };
}
