/**
 * Whether a tour step belongs on the page the user is on. A step's `page` is
 * a path glob with the same meaning as a `page: { op: 'matches' }` targeting
 * rule (protocol/targeting/evaluate.ts), so an author writes one kind of
 * pattern everywhere: a trailing slash does not matter, a pattern with `?`
 * also compares the query, a pattern with a scheme compares the full URL.
 */
// The file itself, not the targeting index: the tours chunk needs the glob matcher only.
import { matchGlob } from '../../../protocol/targeting/glob.js';

export interface TourPage {
  path: string;
  /** The full URL; only needed for patterns with a scheme or a query. */
  url?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `/billing/` and `/billing` are the same page. */
function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function querySuffix(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  return hash < 0 ? url.slice(q) : url.slice(q, hash);
}

/** No `page` (or an empty one): the step shows wherever the tour is running. */
export function stepOnPage(pattern: string | undefined, page: TourPage): boolean {
  if (!pattern) return true;
  if (SCHEME.test(pattern)) return page.url !== undefined && matchGlob(pattern, page.url);
  if (pattern.includes('?')) return matchGlob(pattern, trimSlash(page.path) + querySuffix(page.url));
  return matchGlob(trimSlash(pattern), trimSlash(page.path));
}
