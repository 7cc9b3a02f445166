/**
 * The inbox list's sort orders, each with keyset paging. Every order is one
 * string key plus the id as tie-break, so one comparison pages them all:
 * - newest / oldest: last activity (`updated_at`);
 * - priority: urgent first (a rank digit before `updated_at`), newest first within a rank;
 * - waiting: the visitor's oldest unanswered message first (`waiting_since`,
 *   kept by the conversation metrics); conversations nobody waits on come
 *   after ("~" sorts after any timestamp), least recently active first.
 * A cursor carries its order's tag, so a cursor from another order is refused
 * instead of silently skipping rows. Newest keeps the untagged cursor it always had.
 */
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { ConversationSort } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ParleyError } from '../errors.js';

interface Order {
  key: RawBuilder<string>;
  direction: 'asc' | 'desc';
  tag: string;
}

const ORDERS: Record<ConversationSort, Order> = {
  newest: { key: sql<string>`conversations.updated_at`, direction: 'desc', tag: '' },
  oldest: { key: sql<string>`conversations.updated_at`, direction: 'asc', tag: 'o:' },
  priority: {
    key: sql<string>`(CASE conversations.priority WHEN 'urgent' THEN '3' WHEN 'high' THEN '2' WHEN 'normal' THEN '1' ELSE '0' END) || conversations.updated_at`,
    direction: 'desc',
    tag: 'p:',
  },
  waiting: { key: sql<string>`COALESCE(conversations.waiting_since, '~' || conversations.updated_at)`, direction: 'asc', tag: 'w:' },
};

/** A cursor's key, checked against the order it must belong to. */
export function decodeTaggedCursor(cursor: string, tag: string): [string, string] {
  const [key, id] = decodeCursor(cursor);
  const ours = tag === '' ? /^\d/.test(key) : key.startsWith(tag);
  if (!ours) throw new ParleyError('bad_request', 'cursor belongs to another sort order');
  return [key.slice(tag.length), id];
}

export async function pageInOrder<O extends { id: string }>(
  query: SelectQueryBuilder<Database, 'conversations', O>,
  sort: ConversationSort,
  page: { limit: number; cursor?: string },
): Promise<{ rows: O[]; next: string | null }> {
  const order = ORDERS[sort];
  const before = order.direction === 'desc' ? '<' : '>';
  let q = query.select(order.key.as('sort_key'));
  if (page.cursor) {
    const [key, id] = decodeTaggedCursor(page.cursor, order.tag);
    q = q.where((eb) => eb.or([eb(order.key, before, key), eb.and([eb(order.key, '=', key), eb('conversations.id', before, id)])]));
  }
  const rows = await q.orderBy(order.key, order.direction).orderBy('conversations.id', order.direction).limit(page.limit + 1).execute();
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return { rows: shown, next: rows.length > page.limit && last ? encodeCursor(order.tag + last.sort_key, last.id) : null };
}
