/**
 * The conversation list by SLA (`?sla=breached|due_soon|any`): the SLA clock
 * depends on business hours, so it cannot be a SQL filter. The candidates
 * (open conversations matching the list's other filters) are clocked here,
 * filtered and sorted by due time, most urgent first, then paged with a
 * keyset cursor of (due time, id).
 */
import { type ConversationSla, SLA_DUE_SOON_MINUTES, type SlaFilter } from '../../../protocol/index.js';
import type { ConversationRow } from '../../store/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

export interface SlaPageQuery {
  filter: SlaFilter;
  limit: number;
  cursor?: string;
}

function matches(sla: ConversationSla, filter: SlaFilter, now: Date): boolean {
  if (!sla.dueAt) return false;
  if (filter === 'breached') return sla.breached;
  if (filter === 'due_soon') return !sla.breached && new Date(sla.dueAt).getTime() - now.getTime() <= SLA_DUE_SOON_MINUTES * 60_000;
  return true;
}

export async function slaPage(
  rows: readonly ConversationRow[],
  slaOf: (row: ConversationRow) => Promise<ConversationSla>,
  q: SlaPageQuery,
  now: Date,
): Promise<{ rows: ConversationRow[]; next: string | null }> {
  const clocked: { row: ConversationRow; due: string }[] = [];
  for (const row of rows) {
    const sla = await slaOf(row);
    if (matches(sla, q.filter, now)) clocked.push({ row, due: sla.dueAt as string });
  }
  // ISO times of one format compare as strings.
  clocked.sort((a, b) => (a.due === b.due ? (a.row.id < b.row.id ? -1 : 1) : a.due < b.due ? -1 : 1));
  let start = 0;
  if (q.cursor) {
    const [due, id] = decodeCursor(q.cursor);
    start = clocked.findIndex((c) => c.due > due || (c.due === due && c.row.id > id));
    if (start === -1) start = clocked.length;
  }
  const page = clocked.slice(start, start + q.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((c) => c.row),
    next: start + q.limit < clocked.length && last ? encodeCursor(last.due, last.row.id) : null,
  };
}
