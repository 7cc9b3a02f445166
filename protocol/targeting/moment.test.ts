import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextArb, leafRuleArb, NOW } from './arbitraries.test-helper.js';
import { contextFromRows, type PageInfo, type TargetingContext } from './context.js';
import { evaluateRule } from './evaluate.js';
import { emptySummary } from './event-summary.js';
import { momentRule } from './moment.js';
import type { Rule } from './rule.js';
import { momentHolds } from './visit-verdict.js';

const HOUR = 3_600_000;
/** Nested quantifier: the guard refuses it, so it is unknown on every page. */
const refusedRegex: Rule = { page: { op: 'regex', value: '(a+)+$' } };

/** The shared leaves plus a refused regex, so that case is exercised under `not` too. */
const momentRuleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { weight: 4, arbitrary: fc.oneof({ weight: 12, arbitrary: leafRuleArb }, { weight: 1, arbitrary: fc.constant(refusedRegex) }) },
    fc.array(tie('rule'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('rule'), { maxLength: 3 }).map((any) => ({ any })),
    tie('rule').map((not) => ({ not })),
  ),
})).rule;

/** What the server holds: everything but the moment. */
const serverContextArb = contextArb.map((ctx) => {
  const server: TargetingContext = { ...ctx };
  delete server.page;
  delete server.timeOnPageS;
  return server;
});

const pageArb: fc.Arbitrary<PageInfo | undefined> = fc.option(
  fc.constantFrom('/billing/cards', '/billing', '/docs/api/x', '/docs', '/', '/aaaa').chain((path) =>
    fc.constantFrom('', '?tab=1', '?utm_source=x').map((query) => ({ path, url: `https://app.example.com${path}${query}` })),
  ),
  { nil: undefined },
);
const timeArb = fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined });

/** What the widget does with the residual: its own evaluator of page and time leaves (visit-verdict.ts), not the full one. */
function widgetDecides(residual: Rule | boolean, page: PageInfo | undefined, timeOnPageS: number | undefined): boolean {
  if (typeof residual === 'boolean') return residual;
  const visit = { ...(page !== undefined ? { page } : {}), ...(timeOnPageS !== undefined ? { timeOnPageS } : {}) };
  const widget = momentHolds(residual, visit);
  // And the full evaluator agrees on that residual.
  expect(widget).toBe(evaluateRule(residual, { traits: {}, events: emptySummary(), ...visit }, NOW));
  return widget;
}

function onlyMomentLeaves(rule: Rule): boolean {
  if ('all' in rule) return rule.all.length >= 2 && rule.all.every(onlyMomentLeaves);
  if ('any' in rule) return rule.any.length >= 2 && rule.any.every(onlyMomentLeaves);
  if ('not' in rule) return !('not' in rule.not) && onlyMomentLeaves(rule.not);
  return 'page' in rule || 'time_on_page_s' in rule;
}

describe('momentRule: the server and the widget together decide what evaluateRule decides', () => {
  it('for any rule, server context, page and time on page', () => {
    fc.assert(
      fc.property(momentRuleArb, serverContextArb, pageArb, timeArb, (rule, server, page, timeOnPageS) => {
        const residual = momentRule(rule, server, NOW);
        const full: TargetingContext = { ...server };
        if (page !== undefined) full.page = page;
        if (timeOnPageS !== undefined) full.timeOnPageS = timeOnPageS;
        expect(widgetDecides(residual, page, timeOnPageS)).toBe(evaluateRule(rule, full, NOW));
      }),
      { numRuns: 2_000 },
    );
  });

  it('the residual holds only page and time-on-page leaves, simplified', () => {
    fc.assert(
      fc.property(momentRuleArb, serverContextArb, (rule, server) => {
        const residual = momentRule(rule, server, NOW);
        return typeof residual === 'boolean' || onlyMomentLeaves(residual);
      }),
      { numRuns: 1_000 },
    );
  });

  it('ignores a page the server context happens to carry', () => {
    fc.assert(
      fc.property(momentRuleArb, contextArb, (rule, ctx) => {
        const withoutMoment: TargetingContext = { ...ctx };
        delete withoutMoment.page;
        delete withoutMoment.timeOnPageS;
        expect(momentRule(rule, ctx, NOW)).toEqual(momentRule(rule, withoutMoment, NOW));
      }),
    );
  });
});

describe('momentRule cases', () => {
  const ctx = contextFromRows({ traits: { plan: 'pro', seats: 3 }, device: 'mobile' }, [{ name: 'login', occurredAt: NOW - HOUR }], {
    segments: (id) => (id === 'vip' ? true : id === 'trial' ? false : undefined),
  });
  const billing: Rule = { page: { op: 'glob', value: '/billing/**' } };
  const docs: Rule = { page: { op: 'eq', value: '/docs' } };
  const thirty: Rule = { time_on_page_s: { gte: 30 } };
  const pro: Rule = { attr: 'plan', op: 'eq', value: 'pro' };
  const free: Rule = { attr: 'plan', op: 'eq', value: 'free' };
  const unknownSegment: Rule = { segment: 'beta' };
  const unknownLocale: Rule = { locale: { op: 'eq', value: 'en' } };

  const cases: Array<[string, Rule, Rule | boolean]> = [
    ['a true leaf', pro, true],
    ['a false leaf', free, false],
    ['a page leaf stays', billing, billing],
    ['all(true, page) → page', { all: [pro, billing] }, billing],
    ['all(false, page) → false', { all: [free, billing] }, false],
    ['any(true, page) → true', { any: [pro, billing] }, true],
    ['any(false, page) → page', { any: [free, billing] }, billing],
    ['all(page, time) keeps both', { all: [pro, billing, thirty] }, { all: [billing, thirty] }],
    ['empty all → true', { all: [] }, true],
    ['empty any → false', { any: [] }, false],
    ['all of constants only', { all: [pro, { event: 'login', op: 'count_gte', value: 1 }] }, true],
    ['not of a constant', { not: free }, true],
    ['not over a page leaf stays', { all: [pro, { not: billing }] }, { not: billing }],
    ['not(not(page)) → page', { not: { not: billing } }, billing],
    ['not(all(page, false)) → true', { not: { all: [billing, free] } }, true],
    ['nested groups collapse', { any: [{ all: [free, docs] }, { all: [pro, { any: [billing, free] }] }] }, billing],
    ['a known segment', { all: [{ segment: 'vip' }, { not: { segment: 'trial' } }, docs] }, docs],
    // Unknown facts are settled as "not met", under `not` too, like evaluateRule does.
    ['an unknown segment does not hold', { any: [unknownSegment, docs] }, docs],
    ['nor does its negation', { any: [{ not: unknownSegment }, docs] }, docs],
    // Kleene: not(all(unknown, billing)) is true off /billing, unknown (so not met) on it.
    ['an unknown locale under not(all)', { not: { all: [unknownLocale, billing] } }, { not: billing }],
    ['an unknown locale under not(any)', { not: { any: [unknownLocale, billing] } }, false],
    ['a refused regex is never met', { any: [refusedRegex, docs] }, docs],
    ['nor is its negation', { all: [{ not: refusedRegex }, pro] }, false],
    ['an accepted regex stays', { page: { op: 'regex', value: '^/billing' } }, { page: { op: 'regex', value: '^/billing' } }],
  ];

  it.each(cases)('%s', (_name, rule, expected) => {
    expect(momentRule(rule, ctx, NOW)).toEqual(expected);
  });

  it('then the widget decides the moment', () => {
    const residual = momentRule({ all: [pro, { any: [billing, docs] }, thirty] }, ctx, NOW);
    const at = (path: string, seconds: number) => widgetDecides(residual, { path, url: `https://x.test${path}` }, seconds);
    expect(at('/billing/cards', 31)).toBe(true);
    expect(at('/docs', 45)).toBe(true);
    expect(at('/billing/cards', 5)).toBe(false);
    expect(at('/settings', 60)).toBe(false);
  });
});
