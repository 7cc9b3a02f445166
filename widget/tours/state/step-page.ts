/**
 * Whether a tour step belongs on the page the user is on. A step's `page` is
 * a path glob with the same meaning as a `page: { op: 'matches' }` targeting
 * rule (protocol/targeting/visit-verdict.ts), so an author writes one kind of
 * pattern everywhere: a trailing slash does not matter, a pattern with `?`
 * also compares the query, a pattern with a scheme compares the full URL.
 */
import { pageVerdict } from '../../../protocol/targeting/visit-verdict.js';

export interface TourPage {
  path: string;
  /** The full URL; only needed for patterns with a scheme or a query. */
  url?: string;
}

/** No `page` (or an empty one): the step shows wherever the tour is running. */
export function stepOnPage(pattern: string | undefined, page: TourPage): boolean {
  if (!pattern) return true;
  return pageVerdict({ op: 'glob', value: pattern }, { path: page.path, url: page.url ?? page.path }) === true;
}
