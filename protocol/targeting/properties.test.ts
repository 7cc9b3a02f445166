import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonArb, contextArb, eventsArb, NOW, ruleArb, traitsArb } from './arbitraries.test-helper.js';
import { contextFromRows } from './context.js';
import { ruleVerdict } from './evaluate.js';
import { parseRule, ruleSchema, type Comparison, type Rule } from './rule.js';

const verdict = (rule: Rule, ctx: Parameters<typeof ruleVerdict>[1]) => ruleVerdict(rule, ctx, NOW);

describe('the logic laws hold in three-valued logic', () => {
  it('not(not(r)) ≡ r', () => {
    fc.assert(fc.property(ruleArb, contextArb, (r, ctx) => verdict({ not: { not: r } }, ctx) === verdict(r, ctx)));
  });

  it('all([r]) ≡ r ≡ any([r])', () => {
    fc.assert(fc.property(ruleArb, contextArb, (r, ctx) => verdict({ all: [r] }, ctx) === verdict(r, ctx) && verdict({ any: [r] }, ctx) === verdict(r, ctx)));
  });

  it('De Morgan: not(all(a, b)) ≡ any(not a, not b) and not(any(a, b)) ≡ all(not a, not b)', () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, contextArb, (a, b, ctx) => {
        expect(verdict({ not: { all: [a, b] } }, ctx)).toBe(verdict({ any: [{ not: a }, { not: b }] }, ctx));
        expect(verdict({ not: { any: [a, b] } }, ctx)).toBe(verdict({ all: [{ not: a }, { not: b }] }, ctx));
      }),
    );
  });

  it('all and any are order-independent', () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, contextArb, (a, b, ctx) => verdict({ all: [a, b] }, ctx) === verdict({ all: [b, a] }, ctx) && verdict({ any: [a, b] }, ctx) === verdict({ any: [b, a] }, ctx)),
    );
  });

  it('each negative attribute op is exactly not(its positive twin)', () => {
    const twins: Partial<Record<Comparison['op'], Comparison['op']>> = { neq: 'eq', nin: 'in', not_contains: 'contains', not_exists: 'exists' };
    fc.assert(
      fc.property(comparisonArb.filter((c) => twins[c.op] !== undefined), traitsArb, fc.constantFrom('plan', 'seats', 'email', 'missing'), (negative, traits, attr) => {
        // Parsed, so the pair is checked to be well-formed rules too.
        const negativeRule = parseRule({ ...negative, attr });
        const positiveRule = parseRule({ ...negative, op: twins[negative.op], attr });
        const ctx = contextFromRows({ traits }, []);
        return verdict(negativeRule, ctx) === verdict({ not: positiveRule }, ctx);
      }),
    );
  });

  it('every generated rule is valid under the schema (the generators test what can be stored)', () => {
    fc.assert(fc.property(ruleArb, (r) => ruleSchema.safeParse(r).success));
  });
});

describe('a bounded event history never contradicts the full one', () => {
  it('the verdict with k recent occurrences is the full-history verdict or unknown', () => {
    fc.assert(
      fc.property(ruleArb, eventsArb, fc.integer({ min: 0, max: 4 }), (r, events, recentLimit) => {
        const rows = events.map((e) => ({ name: e.name, props: e.props, occurredAt: e.at }));
        // Every other fact known, so only the history can make a verdict unknown.
        const known = (limit: number) => ({
          ...contextFromRows({ traits: { plan: 'pro' }, locale: 'en', device: 'mobile' }, rows, { recentLimit: limit, segments: (id: string) => id === 'vip' }),
          page: { url: 'https://x.test/billing/cards', path: '/billing/cards' },
          timeOnPageS: 20,
        });
        const bounded = verdict(r, known(recentLimit));
        const full = verdict(r, known(Number.MAX_SAFE_INTEGER));
        expect(full).not.toBeNull(); // with the whole history everything is decidable
        if (bounded !== null) expect(bounded).toBe(full);
      }),
      { numRuns: 300 },
    );
  });
});
