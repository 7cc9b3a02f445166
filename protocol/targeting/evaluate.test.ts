import { describe, expect, it } from 'vitest';
import { contextFromRows, type EventRow, type TargetingContext } from './context.js';
import { evaluateRule, ruleVerdict, type Verdict } from './evaluate.js';
import type { Rule } from './rule.js';

const NOW = Date.parse('2025-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();

const rows: EventRow[] = [
  { name: 'payment_failed', props: '{"amount":30,"currency":"USD"}', occurredAt: ago(2) },
  { name: 'payment_failed', props: { amount: 5 }, occurredAt: ago(10) },
  { name: 'payment_failed', props: { amount: 100 }, occurredAt: ago(40) },
  { name: 'signup', occurredAt: ago(20) },
  // 10 logins, one a day; with recentLimit 3 only days 1–3 keep their props.
  ...Array.from({ length: 10 }, (_, i) => ({ name: 'login', props: { method: i % 2 === 0 ? 'sso' : 'password' }, occurredAt: ago(i + 1) })),
];

const base: TargetingContext = {
  ...contextFromRows(
    {
      traits: JSON.stringify({ plan: 'pro', seats: 12, email: 'Ana@Acme.com', signed_up_at: '2025-06-01T00:00:00Z', created: Date.parse('2024-01-01') / 1000, beta: true, nickname: null, tier: '1' }),
      locale: 'en-GB',
      device: 'mobile',
      browser: 'Safari',
      country: 'id',
    },
    rows,
    { recentLimit: 3, segments: (id) => (id === 'vip' ? true : id === 'churn' ? false : undefined) },
  ),
  page: { url: 'https://app.example.com/billing/cards?tab=visa#top', path: '/billing/cards' },
  timeOnPageS: 45,
};

const TRUE: Rule = { attr: 'plan', op: 'eq', value: 'pro' };
const FALSE: Rule = { attr: 'plan', op: 'eq', value: 'free' };
const UNKNOWN: Rule = { segment: 'unknown-segment' };

type Case = [name: string, rule: Rule, expected: Verdict, patch?: Partial<TargetingContext>];

const cases: Case[] = [
  // Attributes
  ['eq string', { attr: 'plan', op: 'eq', value: 'pro' }, true],
  ['eq is case-sensitive', { attr: 'plan', op: 'eq', value: 'Pro' }, false],
  ['eq does not coerce number/string', { attr: 'seats', op: 'eq', value: '12' }, false],
  ['eq on a missing trait', { attr: 'company', op: 'eq', value: 'x' }, false],
  ['eq null matches a null trait', { attr: 'nickname', op: 'eq', value: null }, true],
  ['eq null matches a missing trait', { attr: 'company', op: 'eq', value: null }, true],
  ['eq null on a set trait', { attr: 'plan', op: 'eq', value: null }, false],
  ['eq boolean', { attr: 'beta', op: 'eq', value: true }, true],
  ['neq', { attr: 'plan', op: 'neq', value: 'free' }, true],
  ['neq on a missing trait is true', { attr: 'company', op: 'neq', value: 'x' }, true],
  ['in', { attr: 'plan', op: 'in', value: ['team', 'pro'] }, true],
  ['in on a missing trait', { attr: 'company', op: 'in', value: ['x'] }, false],
  ['nin', { attr: 'plan', op: 'nin', value: ['free'] }, true],
  ['nin on a missing trait is true', { attr: 'company', op: 'nin', value: ['x'] }, true],
  ['contains is case-insensitive', { attr: 'email', op: 'contains', value: 'ACME' }, true],
  ['contains on a number', { attr: 'seats', op: 'contains', value: '1' }, false],
  ['not_contains', { attr: 'email', op: 'not_contains', value: 'gmail' }, true],
  ['not_contains on a missing trait is true', { attr: 'company', op: 'not_contains', value: 'x' }, true],
  ['starts_with', { attr: 'email', op: 'starts_with', value: 'ana@' }, true],
  ['ends_with', { attr: 'email', op: 'ends_with', value: '@ACME.COM' }, true],
  ['gt', { attr: 'seats', op: 'gt', value: 10 }, true],
  ['gt at the boundary', { attr: 'seats', op: 'gt', value: 12 }, false],
  ['gte at the boundary', { attr: 'seats', op: 'gte', value: 12 }, true],
  ['lt', { attr: 'seats', op: 'lt', value: 5 }, false],
  ['lte at the boundary', { attr: 'seats', op: 'lte', value: 12 }, true],
  ['gt on a numeric string is false', { attr: 'tier', op: 'gt', value: 0 }, false],
  ['exists', { attr: 'plan', op: 'exists' }, true],
  ['exists on null', { attr: 'nickname', op: 'exists' }, false],
  ['not_exists on a missing trait', { attr: 'company', op: 'not_exists' }, true],
  ['before an ISO date', { attr: 'signed_up_at', op: 'before', value: '2025-07-01' }, true],
  ['after a relative date', { attr: 'signed_up_at', op: 'after', value: '-30d' }, true],
  ['after a too recent relative date', { attr: 'signed_up_at', op: 'after', value: '-7d' }, false],
  ['before with Unix seconds', { attr: 'created', op: 'before', value: '2025-01-01' }, true],
  ['before on a non-date string', { attr: 'plan', op: 'before', value: '2030-01-01' }, false],
  ['inherited property is not a trait', { attr: 'constructor', op: 'exists' }, false],
  // Events
  ['count_gte', { event: 'payment_failed', op: 'count_gte', value: 3 }, true],
  ['count_gte above the count', { event: 'payment_failed', op: 'count_gte', value: 4 }, false],
  ['count_lte', { event: 'payment_failed', op: 'count_lte', value: 3 }, true],
  ['count_gte within a window', { event: 'payment_failed', op: 'count_gte', value: 2, within: '14d' }, true],
  ['count_gte within a window, too many', { event: 'payment_failed', op: 'count_gte', value: 3, within: '14d' }, false],
  ['never, for an event that never happened', { event: 'refund', op: 'never' }, true],
  ['never, for an event that happened', { event: 'payment_failed', op: 'never' }, false],
  ['never within a window', { event: 'payment_failed', op: 'never', within: '1d' }, true],
  ['last_within', { event: 'payment_failed', op: 'last_within', within: '7d' }, true],
  ['last_within, too short', { event: 'payment_failed', op: 'last_within', within: '12h' }, false],
  ['first_within, first was earlier', { event: 'payment_failed', op: 'first_within', within: '30d' }, false],
  ['first_within', { event: 'payment_failed', op: 'first_within', within: '60d' }, true],
  ['where gt', { event: 'payment_failed', op: 'count_gte', value: 1, where: { amount: { op: 'gt', value: 50 } } }, true],
  ['where eq and window', { event: 'payment_failed', op: 'last_within', within: '7d', where: { currency: { op: 'eq', value: 'USD' } } }, true],
  ['where with a missing prop', { event: 'payment_failed', op: 'count_gte', value: 2, where: { currency: { op: 'exists' } } }, false],
  ['never with where', { event: 'payment_failed', op: 'never', where: { currency: { op: 'eq', value: 'EUR' } } }, true],
  ['count_gte on a missing event', { event: 'refund', op: 'count_gte', value: 1 }, false],
  ['count_lte 0 on a missing event', { event: 'refund', op: 'count_lte', value: 0 }, true],
  ['inherited property is not an event', { event: 'constructor', op: 'count_gte', value: 1 }, false],
  // Events beyond the retained history (login: 10 occurrences, 3 kept)
  ['total count stays exact', { event: 'login', op: 'count_gte', value: 10 }, true],
  ['window inside the retained history is exact', { event: 'login', op: 'count_gte', value: 2, within: '2d' }, true],
  ['window reaching dropped history is unknown', { event: 'login', op: 'count_gte', value: 5, within: '7d' }, null],
  ['where satisfied by retained occurrences', { event: 'login', op: 'count_gte', value: 2, where: { method: { op: 'eq', value: 'sso' } } }, true],
  ['never with where may hide in dropped history', { event: 'login', op: 'never', where: { method: { op: 'eq', value: 'saml' } } }, null],
  ['first_within with where, no room before', { event: 'login', op: 'first_within', within: '30d', where: { method: { op: 'eq', value: 'sso' } } }, true],
  ['first_within without where uses firstAt', { event: 'login', op: 'first_within', within: '5d' }, false],
  ['last_within without where uses lastAt', { event: 'login', op: 'last_within', within: '2d' }, true],
  // Page
  ['glob * within a segment', { page: { op: 'glob', value: '/billing/*' } }, true],
  ['glob without wildcard is exact', { page: { op: 'glob', value: '/billing' } }, false],
  ['glob ** across segments', { page: { op: 'glob', value: '/billing/**' } }, true],
  ['glob /** matches the bare prefix', { page: { op: 'glob', value: '/billing/**' } }, true, { page: { url: 'https://app.example.com/billing', path: '/billing' } }],
  ['matches is glob', { page: { op: 'matches', value: '/*/cards' } }, true],
  ['* does not cross /', { page: { op: 'glob', value: '/bill*' } }, false],
  ['leading **/', { page: { op: 'glob', value: '**/cards' } }, true],
  ['glob with a scheme matches the URL', { page: { op: 'glob', value: 'https://app.example.com/**' } }, true],
  ['glob with ? matches the query', { page: { op: 'glob', value: '/billing/cards?tab=*' } }, true],
  ['eq ignores a trailing slash', { page: { op: 'eq', value: '/billing/cards/' } }, true],
  ['contains looks at the URL', { page: { op: 'contains', value: 'tab=visa' } }, true],
  ['regex on the path', { page: { op: 'regex', value: '^/billing/(cards|plans)$' } }, true],
  ['regex on the URL', { page: { op: 'regex', value: '^https://app\\.example\\.com/' } }, true],
  ['unsafe regex is refused, not run', { page: { op: 'regex', value: '(a+)+$' } }, null],
  ['SPA route change', { page: { op: 'glob', value: '/settings/**' } }, true, { page: { url: 'https://app.example.com/#/x', path: '/settings/team' } }],
  ['page unknown (server side)', { page: { op: 'glob', value: '/billing/*' } }, null, { page: undefined }],
  ['not(page) is unknown too', { not: { page: { op: 'glob', value: '/billing/*' } } }, null, { page: undefined }],
  // Time on page
  ['time_on_page gte', { time_on_page_s: { gte: 30 } }, true],
  ['time_on_page lte', { time_on_page_s: { lte: 30 } }, false],
  ['time_on_page range', { time_on_page_s: { gte: 30, lte: 60 } }, true],
  ['time_on_page unknown', { time_on_page_s: { gte: 30 } }, null, { timeOnPageS: undefined }],
  // Locale, device, browser, country
  ['locale language matches region', { locale: { op: 'eq', value: 'en' } }, true],
  ['locale other region', { locale: { op: 'eq', value: 'en-US' } }, false],
  ['locale in, any case and separator', { locale: { op: 'in', value: ['fr', 'en_gb'] } }, true],
  ['locale unknown', { locale: { op: 'eq', value: 'en' } }, null, { locale: undefined }],
  ['device eq', { device: { op: 'eq', value: 'mobile' } }, true],
  ['device nin', { device: { op: 'nin', value: ['mobile', 'tablet'] } }, false],
  ['browser, any case', { browser: { op: 'eq', value: 'safari' } }, true],
  ['country, any case', { country: { op: 'eq', value: 'ID' } }, true],
  ['country neq', { country: { op: 'neq', value: 'id' } }, false],
  // Segments
  ['segment member', { segment: 'vip' }, true],
  ['segment non-member', { segment: 'churn' }, false],
  ['segment the side cannot tell', { segment: 'other' }, null],
  ['no segment lookup at all', { segment: 'vip' }, null, { segments: undefined }],
  // Groups (Kleene logic)
  ['all [] holds', { all: [] }, true],
  ['any [] does not', { any: [] }, false],
  ['all with an unknown', { all: [TRUE, UNKNOWN] }, null],
  ['all: false beats unknown', { all: [UNKNOWN, FALSE] }, false],
  ['any: true beats unknown', { any: [UNKNOWN, TRUE] }, true],
  ['any with an unknown', { any: [FALSE, UNKNOWN] }, null],
  ['not true', { not: TRUE }, false],
  ['not unknown', { not: UNKNOWN }, null],
  [
    'a realistic campaign',
    {
      all: [
        { attr: 'plan', op: 'in', value: ['pro', 'team'] },
        { any: [{ event: 'payment_failed', op: 'last_within', within: '7d' }, { attr: 'seats', op: 'gt', value: 50 }] },
        { not: { device: { op: 'eq', value: 'tablet' } } },
        { page: { op: 'matches', value: '/billing/**' } },
      ],
    },
    true,
  ],
];

describe('ruleVerdict / evaluateRule', () => {
  it('has a table of at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases)('%s', (_name, rule, expected, patch) => {
    const ctx: TargetingContext = { ...base, ...patch };
    expect(ruleVerdict(rule, ctx, NOW)).toBe(expected);
    // evaluateRule is "certainly true": unknown counts as false.
    expect(evaluateRule(rule, ctx, NOW)).toBe(expected === true);
  });

  it('survives a context that went through JSON (Object.prototype is back)', () => {
    const ctx = JSON.parse(JSON.stringify({ traits: base.traits, events: base.events })) as TargetingContext;
    expect(evaluateRule({ attr: 'toString', op: 'exists' }, ctx, NOW)).toBe(false);
    expect(evaluateRule({ event: 'hasOwnProperty', op: 'never' }, ctx, NOW)).toBe(true);
    expect(evaluateRule({ event: 'payment_failed', op: 'count_gte', value: 3 }, ctx, NOW)).toBe(true);
  });
});
