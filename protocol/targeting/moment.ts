/**
 * Splitting a rule between server and widget (DESIGN.md §4): the server knows
 * everything about a contact except the moment — the page and the time on it.
 * `momentRule` evaluates every other condition now and leaves the widget only
 * what it can decide: a residual rule over `page` and `time_on_page_s` leaves.
 * The widget then never sees traits, events or segments, and cannot be talked
 * into a different audience by whoever controls the browser.
 *
 * @example
 * momentRule({ all: [{ attr: 'plan', op: 'eq', value: 'pro' }, { page: { op: 'glob', value: '/billing/**' } }] }, ctx, now)
 * // plan is "pro":  { page: { op: 'glob', value: '/billing/**' } }
 * // plan is "free": false (send nothing)
 *
 * Guarantee (see `moment.test.ts`): for a server context without page and time
 * on page, and any page / time on page the widget later has,
 *   evaluateRule(rule, { ...ctx, page, timeOnPageS }) ===
 *   (residual === true || (residual !== false && evaluateRule(residual, { page, timeOnPageS, … })))
 * `false` is returned when no page can satisfy the rule as far as constant
 * folding sees; a residual that is unsatisfiable in a subtler way (two `eq`
 * pages under `all`) is still sent, and simply never holds in the widget.
 */
import type { TargetingContext } from './context.js';
import { ruleVerdict } from './evaluate.js';
import { compileGuardedRegex } from './regex-guard.js';
import type { Rule } from './rule.js';

type Folded = Rule | boolean;

/** Leaves only the widget can decide. */
function isMomentLeaf(rule: Rule): boolean {
  return 'page' in rule || 'time_on_page_s' in rule;
}

/**
 * The constant that stands for an undecidable leaf. The server is the
 * authority on the audience: the widget cannot learn a segment or a trait the
 * server did not know, so "unknown" has to be settled here, and settled the way
 * `evaluateRule` settles it — an unknown condition never proves anything,
 * neither itself nor its negation. Replacing it by plain `false` would make
 * `{ not: { segment: 'vip' } }` true for a contact whose membership is unknown,
 * which `evaluateRule` would refuse. So the leaf becomes `false` where it is
 * read positively and `true` under an odd number of `not`s (so that the `not`
 * above it yields `false`). This is exact: with false < unknown < true, mapping
 * unknown to false commutes with Kleene and/or (min/max), so deciding every
 * unknown literal as "not met" gives `true` exactly when Kleene gives `true`.
 */
const unknownLeaf = (positive: boolean): boolean => !positive;

function fold(rule: Rule, ctx: TargetingContext, now: number, positive: boolean): Folded {
  if ('all' in rule) return foldGroup(rule.all, 'all', ctx, now, positive);
  if ('any' in rule) return foldGroup(rule.any, 'any', ctx, now, positive);
  if ('not' in rule) {
    const inner = fold(rule.not, ctx, now, !positive);
    if (typeof inner === 'boolean') return !inner;
    return 'not' in inner ? inner.not : { not: inner }; // not(not(r)) ≡ r in Kleene logic too
  }
  if (isMomentLeaf(rule)) {
    // A regex the guard refuses is unknown on every page: settle it now rather
    // than ship a condition that can never be decided.
    if ('page' in rule && rule.page.op === 'regex' && compileGuardedRegex(rule.page.value) === null) return unknownLeaf(positive);
    return rule;
  }
  // Only this leaf is evaluated, so a page in `ctx` (if any) is never consulted.
  const verdict = ruleVerdict(rule, ctx, now);
  return verdict === null ? unknownLeaf(positive) : verdict;
}

function foldGroup(children: Rule[], kind: 'all' | 'any', ctx: TargetingContext, now: number, positive: boolean): Folded {
  // `all`: false absorbs, true is neutral; `any`: the reverse.
  const absorbing = kind === 'any';
  const rest: Rule[] = [];
  for (const child of children) {
    const folded = fold(child, ctx, now, positive);
    if (folded === absorbing) return absorbing;
    if (typeof folded !== 'boolean') rest.push(folded);
  }
  if (rest.length === 0) return !absorbing; // empty `all` holds, empty `any` does not
  if (rest.length === 1) return rest[0];
  return kind === 'all' ? { all: rest } : { any: rest };
}

/**
 * `true`: the rule holds on every page, at any time on page. `false`: it holds
 * on none. Otherwise the residual rule, made only of `page` / `time_on_page_s`
 * leaves under `all` / `any` / `not`, for the widget to evaluate.
 * `ctx` should carry no page (a server context has none); it is ignored anyway.
 */
export function momentRule(rule: Rule, ctx: TargetingContext, now: number): Rule | false | true {
  return fold(rule, ctx, now, true);
}
