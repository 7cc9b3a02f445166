/**
 * What only a visit knows: the page and the time on it. The full evaluator
 * (evaluate.ts) asks this for those leaves; the widget uses it alone to decide
 * the moment of a message, whose rule the server reduced to page and time
 * conditions (moment.ts), so the messenger does not carry the evaluator of
 * traits, events and segments. Tour steps match their `page` the same way.
 */
import type { PageInfo } from './context.js';
import { matchGlob } from './glob.js';
import { combineVerdicts, type Verdict } from './kleene.js';
import { compileGuardedRegex, guardedTest } from './regex-guard.js';
import type { LeafRule, PageRule, Rule } from './rule.js';

export interface VisitFacts {
  page?: PageInfo;
  timeOnPageS?: number;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `/billing/` and `/billing` are the same page. */
function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function querySuffix(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  return hash < 0 ? url.slice(q) : url.slice(q, hash);
}

/**
 * Globs (`matches` is an alias) and `eq` compare the path, or the full URL when
 * the pattern has a scheme; a glob with `?` compares path + query. `contains`
 * looks at the full URL (so `utm_source=x` works). A regex passes if it matches
 * the path or the full URL, so `^/billing` and `^https://app\.` both work.
 */
export function pageVerdict(rule: PageRule['page'], page: PageInfo): Verdict {
  const { op, value } = rule;
  const withScheme = SCHEME.test(value);
  switch (op) {
    case 'matches':
    case 'glob': {
      if (withScheme) return matchGlob(value, page.url);
      const target = value.includes('?') ? trimSlash(page.path) + querySuffix(page.url) : trimSlash(page.path);
      return matchGlob(value.includes('?') ? value : trimSlash(value), target);
    }
    case 'eq':
      return withScheme ? page.url === value : trimSlash(page.path) === trimSlash(value);
    case 'contains':
      return page.url.includes(value);
    case 'regex': {
      const regex = compileGuardedRegex(value);
      if (regex === null) return null; // refused pattern: cannot decide safely
      return guardedTest(regex, page.path) || guardedTest(regex, page.url);
    }
  }
}

/** A page or time-on-page leaf; any other leaf is not a fact of the visit (unknown). */
export function visitVerdict(rule: LeafRule, visit: VisitFacts): Verdict {
  if ('page' in rule) return visit.page === undefined ? null : pageVerdict(rule.page, visit.page);
  if ('time_on_page_s' in rule) {
    const seconds = visit.timeOnPageS;
    if (seconds === undefined) return null;
    const { gte, lte } = rule.time_on_page_s;
    return (gte === undefined || seconds >= gte) && (lte === undefined || seconds <= lte);
  }
  return null;
}

/** Whether a moment rule (page and time conditions) certainly holds on this visit. */
export function momentHolds(rule: Rule, visit: VisitFacts): boolean {
  return combineVerdicts(rule, (leaf) => visitVerdict(leaf, visit)) === true;
}
