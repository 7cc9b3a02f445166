import { describe, expect, it } from 'vitest';
import { parseRule, ruleSchema, TARGETING_LIMITS } from './rule.js';

const nest = (levels: number): unknown => {
  let rule: unknown = { attr: 'plan', op: 'exists' };
  for (let i = 1; i < levels; i += 1) rule = { not: rule };
  return rule;
};

const valid: Array<[string, unknown]> = [
  ['attribute eq', { attr: 'plan', op: 'eq', value: 'pro' }],
  ['attribute in', { attr: 'plan', op: 'in', value: ['pro', 'team'] }],
  ['attribute exists without value', { attr: 'email', op: 'exists' }],
  ['attribute before ISO', { attr: 'signed_up_at', op: 'before', value: '2025-01-01T00:00:00Z' }],
  ['attribute after relative', { attr: 'signed_up_at', op: 'after', value: '-7d' }],
  ['event count', { event: 'payment_failed', op: 'count_gte', value: 2, within: '30d' }],
  ['event never', { event: 'payment_failed', op: 'never' }],
  ['event with where', { event: 'purchase', op: 'last_within', within: '12h', where: { amount: { op: 'gt', value: 10 } } }],
  ['page glob', { page: { op: 'matches', value: '/billing/*' } }],
  ['page safe regex', { page: { op: 'regex', value: '^/(billing|plans)/[a-z]+$' } }],
  ['time on page', { time_on_page_s: { gte: 30 } }],
  ['segment', { segment: 'seg_123' }],
  ['locale', { locale: { op: 'in', value: ['en', 'id'] } }],
  ['device', { device: { op: 'eq', value: 'tablet' } }],
  ['browser', { browser: { op: 'neq', value: 'firefox' } }],
  ['country', { country: { op: 'eq', value: 'ID' } }],
  ['groups', { all: [{ any: [{ segment: 'a' }, { not: { segment: 'b' } }] }, { attr: 'x', op: 'exists' }] }],
  ['empty group', { all: [] }],
  ['depth exactly 8', nest(TARGETING_LIMITS.depth)],
  ['200 nodes', { any: Array.from({ length: TARGETING_LIMITS.nodes - 1 }, () => ({ segment: 's' })) }],
];

const invalid: Array<[string, unknown, RegExp?]> = [
  ['nested quantifier', { page: { op: 'regex', value: '(a+)+$' } }, /nested quantifiers/],
  ['repeated alternation', { page: { op: 'regex', value: '^(a|ab)*c' } }, /nested quantifiers/],
  ['backreference', { page: { op: 'regex', value: '(a)\\1' } }, /backreferences/],
  ['invalid regex', { page: { op: 'regex', value: '([a-z' } }, /invalid/],
  ['regex too long', { page: { op: 'regex', value: 'a'.repeat(TARGETING_LIMITS.regex + 1) } }],
  ['too deep', nest(TARGETING_LIMITS.depth + 1), /nest at most/],
  ['too many nodes', { any: Array.from({ length: TARGETING_LIMITS.nodes }, () => ({ segment: 's' })) }, /at most 200/],
  ['unknown attribute op', { attr: 'plan', op: 'like', value: 'p%' }],
  ['value type does not fit the op', { attr: 'plan', op: 'eq', value: ['pro'] }],
  ['gt needs a number', { attr: 'seats', op: 'gt', value: '10' }],
  ['in needs a non-empty list', { attr: 'plan', op: 'in', value: [] }],
  ['bad relative date', { attr: 'd', op: 'before', value: '-7 days' }],
  ['Date.parse leniency refused', { attr: 'd', op: 'before', value: '1' }],
  ['extra key (typo)', { attr: 'plan', op: 'eq', value: 'pro', vaule: 'x' }],
  ['two kinds in one node', { attr: 'plan', op: 'exists', segment: 'x' }],
  ['count without value', { event: 'x', op: 'count_gte' }],
  ['last_within without window', { event: 'x', op: 'last_within' }],
  ['bad duration unit', { event: 'x', op: 'never', within: '7x' }],
  ['zero duration', { event: 'x', op: 'never', within: '0d' }],
  ['too many where props', { event: 'x', op: 'never', where: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, { op: 'exists' }])) }],
  ['time on page without bounds', { time_on_page_s: {} }],
  ['unknown device', { device: { op: 'eq', value: 'watch' } }],
  ['country not alpha-2', { country: { op: 'eq', value: 'IDN' } }],
  ['not an object', 'plan = pro'],
  ['group of non-rules', { all: [1, 2] }],
];

describe('ruleSchema', () => {
  it.each(valid)('accepts %s', (_name, input) => {
    expect(ruleSchema.safeParse(input).success).toBe(true);
  });

  it.each(invalid)('refuses %s', (_name, input, message) => {
    const result = ruleSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it('moves the window written as `value` (DESIGN.md §4 form) to `within`', () => {
    expect(parseRule({ event: 'payment_failed', op: 'last_within', value: '7d' })).toEqual({ event: 'payment_failed', op: 'last_within', within: '7d' });
  });

  it('refuses 10 000 nested `not`s or 100 000 siblings quickly and without overflowing the stack', () => {
    const deep = nest(10_000);
    const wide = { any: Array.from({ length: 100_000 }, () => ({ segment: 's' })) };
    // Bounded work: both stop at the first limit passed (timed in bench/hostile-inputs.bench.ts).
    expect(ruleSchema.safeParse(deep).success).toBe(false);
    expect(ruleSchema.safeParse(wide).success).toBe(false);
  }, 5_000);
});
