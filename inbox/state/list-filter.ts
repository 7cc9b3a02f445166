/**
 * The conversation list's filter as a value: tidied (no blank keys), compared,
 * and turned into a saved view's filters and back. A saved view keeps exactly
 * the keys of `GET /conversations`, so the two shapes differ only in that the
 * list always has an assignee ("all" when a view names none).
 */
import type { ConversationSort, Priority, SavedViewFilters } from '../../protocol/index.js';
import type { ListFilter } from '../api/endpoints.js';

export const DEFAULT_FILTER: ListFilter = { status: 'open', assignee: 'all' };

/** What the agent sees; the wire values stay in the protocol's words. */
export const PRIORITY_LABELS: Record<Priority, string> = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' };
export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

export const SORT_LABELS: Record<ConversationSort, string> = {
  newest: 'Newest',
  oldest: 'Oldest',
  waiting: 'Waiting longest',
  priority: 'Priority',
};

/** Drops keys that filter nothing (unset, blank, the default sort), and trims the search. */
export function normalizeFilter(filter: ListFilter): ListFilter {
  const out: ListFilter = { assignee: filter.assignee };
  const q = filter.q?.trim();
  if (filter.status) out.status = filter.status;
  if (filter.team_id) out.team_id = filter.team_id;
  if (filter.tag) out.tag = filter.tag;
  if (filter.priority) out.priority = filter.priority;
  if (q) out.q = q;
  if (filter.sort && filter.sort !== 'newest') out.sort = filter.sort;
  if (filter.sla) out.sla = filter.sla;
  return out;
}

const KEYS = ['status', 'assignee', 'team_id', 'tag', 'priority', 'q', 'sort', 'sla'] as const;

export function sameFilter(a: ListFilter, b: ListFilter): boolean {
  const x = normalizeFilter(a);
  const y = normalizeFilter(b);
  return KEYS.every((key) => x[key] === y[key]);
}

/** A saved view's filters as the list's (a view without an assignee shows everyone's). */
export function filterFromView(filters: SavedViewFilters): ListFilter {
  return normalizeFilter({ ...filters, assignee: filters.assignee ?? 'all' });
}

/** The list's filter as a view keeps it. */
export function viewFiltersOf(filter: ListFilter): SavedViewFilters {
  return { ...normalizeFilter(filter) };
}
