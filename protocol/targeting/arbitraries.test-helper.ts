/**
 * fast-check generators for rules, event histories and contexts, shared by the
 * property tests. Vocabularies are small on purpose so random rules actually
 * hit the random data (a rule on trait `k7` against traits `a…c` proves little).
 */
import fc from 'fast-check';
import { contextFromRows, type TargetingContext } from './context.js';
import type { Comparison, Rule, TraitValue } from './rule.js';

export const NOW = Date.parse('2025-06-15T12:00:00.000Z');
const HOUR = 3_600_000;

const traitKeys = ['plan', 'seats', 'email', 'signed_up', 'beta'] as const;
const eventNames = ['login', 'purchase', 'invite'] as const;

export const traitValueArb: fc.Arbitrary<TraitValue> = fc.oneof(
  fc.constantFrom('pro', 'free', 'ana@acme.com', '2025-06-01T00:00:00Z', ''),
  fc.integer({ min: -2, max: 20 }),
  fc.boolean(),
  fc.constant(null),
);

export const comparisonArb: fc.Arbitrary<Comparison> = fc.oneof(
  fc.record({ op: fc.constantFrom('eq' as const, 'neq' as const), value: traitValueArb }),
  fc.record({ op: fc.constantFrom('in' as const, 'nin' as const), value: fc.array(traitValueArb, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constantFrom('contains' as const, 'not_contains' as const, 'starts_with' as const, 'ends_with' as const), value: fc.constantFrom('pro', 'acme', 'A', '2025') }),
  fc.record({ op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const), value: fc.integer({ min: -1, max: 15 }) }),
  fc.record({ op: fc.constantFrom('exists' as const, 'not_exists' as const) }),
  fc.record({ op: fc.constantFrom('before' as const, 'after' as const), value: fc.constantFrom('-7d', '-30d', '2025-06-10', '+1d') }),
);

const attributeRuleArb: fc.Arbitrary<Rule> = fc.tuple(fc.constantFrom(...traitKeys), comparisonArb).map(([attr, c]) => ({ attr, ...c }));

const windowArb = fc.constantFrom('12h', '2d', '7d', '30d');
const whereArb = fc.option(fc.dictionary(fc.constantFrom('kind', 'n'), comparisonArb, { minKeys: 1, maxKeys: 2 }), { nil: undefined });

const eventRuleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.record(
    { event: fc.constantFrom(...eventNames), op: fc.constantFrom('count_gte' as const, 'count_lte' as const), value: fc.integer({ min: 0, max: 6 }), within: fc.option(windowArb, { nil: undefined }), where: whereArb },
    { requiredKeys: ['event', 'op', 'value'] },
  ),
  fc.record({ event: fc.constantFrom(...eventNames), op: fc.constant('never' as const), within: fc.option(windowArb, { nil: undefined }), where: whereArb }, { requiredKeys: ['event', 'op'] }),
  fc.record({ event: fc.constantFrom(...eventNames), op: fc.constantFrom('last_within' as const, 'first_within' as const), within: windowArb, where: whereArb }, { requiredKeys: ['event', 'op', 'within'] }),
);

const facetRuleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ op: fc.constantFrom('glob' as const, 'matches' as const, 'eq' as const, 'contains' as const), value: fc.constantFrom('/billing/*', '/docs/**', 'tab=', '/') }).map((page) => ({ page })),
  fc.constantFrom('^/billing', 'cards$', '^https://app\\.example\\.com/docs').map((value) => ({ page: { op: 'regex' as const, value } })),
  fc.record({ gte: fc.integer({ min: 0, max: 60 }) }).map((time_on_page_s) => ({ time_on_page_s })),
  fc.constantFrom('vip', 'trial').map((segment) => ({ segment })),
  fc.record({ op: fc.constantFrom('eq' as const, 'neq' as const), value: fc.constantFrom('en', 'fr-FR') }).map((locale) => ({ locale })),
  fc.record({ op: fc.constantFrom('eq' as const, 'neq' as const), value: fc.constantFrom('mobile' as const, 'desktop' as const) }).map((device) => ({ device })),
);

export const leafRuleArb: fc.Arbitrary<Rule> = fc.oneof({ weight: 3, arbitrary: attributeRuleArb }, { weight: 3, arbitrary: eventRuleArb }, { weight: 2, arbitrary: facetRuleArb });

/** Random rules within the schema's limits (depth ≤ 5, at most 3 children per group). */
export const ruleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { weight: 4, arbitrary: leafRuleArb },
    fc.array(tie('rule'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('rule'), { maxLength: 3 }).map((any) => ({ any })),
    tie('rule').map((not) => ({ not })),
  ),
})).rule;

export interface GeneratedEvent {
  name: string;
  at: number;
  props: Record<string, TraitValue>;
}

/** Coarse times (12 h steps) so equal timestamps, and so tie-breaking, happen often. */
export const eventsArb: fc.Arbitrary<GeneratedEvent[]> = fc.array(
  fc.record({
    name: fc.constantFrom(...eventNames),
    at: fc.integer({ min: 0, max: 80 }).map((steps) => NOW - steps * 12 * HOUR),
    props: fc.record({ kind: fc.constantFrom('a', 'b'), n: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] }),
  }),
  { maxLength: 40 },
);

export const traitsArb = fc.dictionary(fc.constantFrom(...traitKeys), traitValueArb);

const contactFacetsArb = fc.record(
  {
    locale: fc.constantFrom('en-GB', 'fr-FR'),
    device: fc.constantFrom('mobile', 'desktop'),
  },
  { requiredKeys: [] },
);

/** A whole context: traits, history (summarised with a random retention), and some facets known, some not. */
export const contextArb: fc.Arbitrary<TargetingContext> = fc
  .record({
    traits: traitsArb,
    events: eventsArb,
    recentLimit: fc.integer({ min: 0, max: 5 }),
    facets: contactFacetsArb,
    path: fc.option(fc.constantFrom('/billing/cards', '/docs', '/'), { nil: undefined }),
    timeOnPageS: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    segments: fc.option(fc.dictionary(fc.constantFrom('vip', 'trial'), fc.boolean()), { nil: undefined }),
  })
  .map(({ traits, events, recentLimit, facets, path, timeOnPageS, segments }) => {
    const ctx = contextFromRows({ traits, ...facets }, events.map((e) => ({ name: e.name, props: e.props, occurredAt: e.at })), {
      recentLimit,
      ...(segments ? { segments: (id: string) => segments[id] } : {}),
    });
    if (path !== undefined) ctx.page = { path, url: `https://app.example.com${path}?tab=1` };
    if (timeOnPageS !== undefined) ctx.timeOnPageS = timeOnPageS;
    return ctx;
  });
