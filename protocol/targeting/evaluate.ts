/**
 * The one evaluator, used by the server (who is in the audience) and by the
 * widget (is this the moment). Pure: no DOM, no I/O, `now` passed in.
 *
 * Internally three-valued (Kleene logic): a condition on something the context
 * does not carry — the page on the server, a segment in the widget — is
 * `null` (unknown), not false. That lets each side ask the right question:
 * - `evaluateRule` (`=== true`): the rule certainly holds. Unknown counts as
 *   false, so positive conditions on missing data never show content. Note the
 *   edge: `{ not: { page } }` without a page is also false, because
 *   not(unknown) is unknown — "not on /billing" is not proven when the page is
 *   not known.
 * - `ruleVerdict(...) !== false`: the rule may still hold once the unknown
 *   parts are known. The server uses this to decide the audience and leaves
 *   page and time-on-page to the widget.
 * Kleene logic keeps the usual laws: not(not(r)) ≡ r, all([r]) ≡ r, De Morgan.
 *
 * Rules are assumed to have passed `ruleSchema` (bounded depth); regexes are
 * still compiled through the guard.
 */
import { compareValue } from './comparison.js';
import type { TargetingContext } from './context.js';
import { ownValue } from './event-summary.js';
import { eventVerdict } from './event-verdict.js';
import { combineVerdicts, type Verdict } from './kleene.js';
import type { LeafRule, Rule } from './rule.js';
import { visitVerdict } from './visit-verdict.js';

export type { Verdict } from './kleene.js';

type FacetCondition = { op: 'eq' | 'neq'; value: string } | { op: 'in' | 'nin'; value: string[] };

function facetVerdict(condition: FacetCondition, actual: string | undefined, same: (actual: string, expected: string) => boolean): Verdict {
  if (actual === undefined) return null;
  switch (condition.op) {
    case 'eq':
      return same(actual, condition.value);
    case 'neq':
      return !same(actual, condition.value);
    case 'in':
      return condition.value.some((v) => same(actual, v));
    case 'nin':
      return !condition.value.some((v) => same(actual, v));
  }
}

const sameText = (a: string, e: string): boolean => a.toLowerCase() === e.toLowerCase();

// Few distinct locales, compared on every evaluation: normalise each once.
const normalisedLocales = new Map<string, string>();
function normaliseLocale(tag: string): string {
  let normal = normalisedLocales.get(tag);
  if (normal === undefined) {
    normal = tag.toLowerCase().replace(/_/g, '-');
    if (normalisedLocales.size >= 1_000) normalisedLocales.clear();
    normalisedLocales.set(tag, normal);
  }
  return normal;
}

/** `en` matches `en`, `en-GB` and `en_GB`; `en-GB` matches only `en-GB`. */
function sameLocale(actual: string, expected: string): boolean {
  const a = normaliseLocale(actual);
  const e = normaliseLocale(expected);
  return a === e || (a.length > e.length && a.startsWith(e) && a[e.length] === '-');
}

function leafVerdict(rule: LeafRule, ctx: TargetingContext, now: number): Verdict {
  if ('attr' in rule) return compareValue(rule, ownValue(ctx.traits, rule.attr), now);
  if ('event' in rule) return eventVerdict(rule, ctx.events, now);
  if ('page' in rule || 'time_on_page_s' in rule) return visitVerdict(rule, ctx);
  if ('segment' in rule) return ctx.segments?.(rule.segment) ?? null;
  if ('locale' in rule) return facetVerdict(rule.locale, ctx.locale, sameLocale);
  if ('device' in rule) return facetVerdict(rule.device, ctx.device, (a, e) => a === e);
  if ('browser' in rule) return facetVerdict(rule.browser, ctx.browser, sameText);
  return facetVerdict(rule.country, ctx.country, sameText);
}

/** Three-valued: `true`, `false`, or `null` when the context lacks facts to decide. */
export function ruleVerdict(rule: Rule, ctx: TargetingContext, now: number): Verdict {
  return combineVerdicts(rule, (leaf) => leafVerdict(leaf, ctx, now));
}

/** Whether the rule certainly holds for this context at `now` (unknown → false). */
export function evaluateRule(rule: Rule, ctx: TargetingContext, now: number): boolean {
  return ruleVerdict(rule, ctx, now) === true;
}
