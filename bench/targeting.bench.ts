/**
 * Targeting bench (DESIGN.md §4, issue #4): how long the one evaluator takes
 * for the two questions the product asks of it.
 * - Widget / server on a page view: evaluate 1 000 live campaigns for one contact.
 * - Server on a campaign edit: re-evaluate one campaign across 100 000 contacts.
 * - Incremental audience: `AudienceIndex.affectedBy` over 1 000 campaigns.
 *
 * Run: `npx tsx bench/targeting.bench.ts`. Prints a markdown table and writes
 * it to `bench/results/targeting.md`. Data is synthetic but seeded, so runs
 * are comparable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { AudienceIndex, contextFromRows, evaluateRule, ruleSchema, type EventRow, type Rule, type TargetingContext } from '../protocol/index.js';

const NOW = Date.parse('2025-06-15T12:00:00.000Z');
const DAY = 86_400_000;

/** mulberry32: small seeded PRNG, so every run benches the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const PLANS = ['free', 'trial', 'pro', 'team', 'enterprise'] as const;
const TRAITS = Array.from({ length: 40 }, (_, i) => `trait_${i}`);
const EVENTS = ['login', 'payment_failed', 'invite_sent', 'export_csv', 'project_created', ...Array.from({ length: 25 }, (_, i) => `feature_${i}_used`)];
const PAGES = ['/billing/*', '/billing/**', '/settings/**', '/projects/*/edit', '/docs/**', '/onboarding/*', '/'];

/** One campaign rule shaped like what marketers actually build: 2–6 conditions, some nesting. */
function campaignRule(): Rule {
  const templates: Array<() => Rule> = [
    () => ({ all: [{ attr: 'plan', op: 'in', value: [pick(PLANS), pick(PLANS)] }, { page: { op: 'matches', value: pick(PAGES) } }] }),
    () => ({ all: [{ event: pick(EVENTS), op: 'last_within', within: pick(['1d', '7d', '30d']) }, { attr: pick(TRAITS), op: 'gt', value: int(0, 50) }] }),
    () => ({
      any: [
        { event: 'payment_failed', op: 'count_gte', value: int(1, 3), within: '30d', where: { amount: { op: 'gt', value: int(10, 200) } } },
        { attr: 'seats', op: 'gte', value: int(5, 100) },
      ],
    }),
    () => ({ all: [{ not: { segment: `seg_${int(0, 20)}` } }, { locale: { op: 'in', value: ['en', 'id'] } }, { attr: 'email', op: 'ends_with', value: '@acme.com' }] }),
    () => ({ all: [{ attr: 'signed_up_at', op: 'after', value: '-14d' }, { event: pick(EVENTS), op: 'never' }, { time_on_page_s: { gte: int(5, 60) } }] }),
    () => ({ all: [{ page: { op: 'regex', value: '^/(billing|plans)/[a-z]+$' } }, { device: { op: 'neq', value: 'tablet' } }, { attr: pick(TRAITS), op: 'exists' }] }),
    () => ({
      all: [
        { attr: 'plan', op: 'eq', value: pick(PLANS) },
        { any: [{ event: pick(EVENTS), op: 'count_gte', value: int(1, 10) }, { event: pick(EVENTS), op: 'first_within', within: '7d' }] },
        { not: { attr: 'company', op: 'contains', value: 'test' } },
        { country: { op: 'nin', value: ['US', 'CA'] } },
      ],
    }),
  ];
  return pick(templates)();
}

function contactRows(events: number): { traits: Record<string, string | number | boolean>; rows: EventRow[] } {
  const traits: Record<string, string | number | boolean> = { plan: pick(PLANS), seats: int(1, 200), email: `u${int(1, 1e6)}@${pick(['acme.com', 'gmail.com'])}`, signed_up_at: new Date(NOW - int(0, 400) * DAY).toISOString(), company: pick(['Acme', 'Test Co', 'Globex']) };
  for (const key of TRAITS.slice(0, 25)) traits[key] = int(0, 100);
  const rows: EventRow[] = Array.from({ length: events }, () => ({ name: pick(EVENTS), props: { amount: int(0, 300) }, occurredAt: NOW - int(0, 90 * 24) * 3_600_000 }));
  return { traits, rows };
}

type Generated = ReturnType<typeof contactRows> & { locale: string; device: string; country: string };
const generate = (events: number): Generated => ({ ...contactRows(events), locale: pick(['en-GB', 'id', 'fr']), device: pick(['desktop', 'mobile']), country: pick(['ID', 'US', 'DE']) });

/** What the server would do per contact: build from rows; the widget adds page and time on page. */
function contextFor({ traits, rows, locale, device, country }: Generated): TargetingContext {
  return {
    ...contextFromRows({ traits, locale, device, country }, rows, { segments: (id) => id.length % 2 === 0 }),
    page: { url: 'https://app.example.com/billing/cards', path: '/billing/cards' },
    timeOnPageS: 42,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}
const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

// Campaigns, validated like the server would on save.
const campaigns: Rule[] = Array.from({ length: 1_000 }, () => ruleSchema.parse(campaignRule()));
const validateMs = time(() => campaigns.forEach((rule) => ruleSchema.parse(rule)));

// 1. 1 000 campaigns × one contact (200 events over 30 event names).
const contact = contextFor(generate(200));
let shown = 0;
for (let i = 0; i < 5; i += 1) campaigns.forEach((rule) => evaluateRule(rule, contact, NOW)); // warm up the JIT and the pattern caches
const allCampaignRuns = Array.from({ length: 20 }, () =>
  time(() => {
    shown = 0;
    for (const rule of campaigns) if (evaluateRule(rule, contact, NOW)) shown += 1;
  }),
);

// 2. One campaign × 100 000 contacts (10 events each).
const CONTACTS = 100_000;
const oneCampaign = ruleSchema.parse({
  all: [
    { attr: 'plan', op: 'in', value: ['pro', 'team'] },
    { any: [{ event: 'payment_failed', op: 'count_gte', value: 1, within: '30d', where: { amount: { op: 'gt', value: 50 } } }, { attr: 'seats', op: 'gte', value: 50 }] },
    { not: { segment: 'seg_churned' } },
    { locale: { op: 'eq', value: 'en' } },
  ],
});
const generated = Array.from({ length: CONTACTS }, () => generate(10));
let contacts: TargetingContext[] = [];
const buildMs = time(() => {
  contacts = generated.map(contextFor);
});
let audience = 0;
for (let i = 0; i < 2; i += 1) contacts.forEach((ctx) => evaluateRule(oneCampaign, ctx, NOW));
const acrossRuns = Array.from({ length: 5 }, () =>
  time(() => {
    audience = 0;
    for (const ctx of contacts) if (evaluateRule(oneCampaign, ctx, NOW)) audience += 1;
  }),
);

// 3. Incremental: which of 1 000 campaigns does a change touch?
const index = new AudienceIndex();
const indexMs = time(() => campaigns.forEach((rule, i) => index.add(`c${i}`, rule)));
const changes = [{ traits: ['plan'] }, { events: ['payment_failed'] }, { traits: ['trait_3', 'seats'], events: ['login'] }, { page: true }];
const affected = changes.map((change) => index.affectedBy(change).length);
const CALLS = 10_000;
const affectedRuns = Array.from({ length: 9 }, () => time(() => { for (let i = 0; i < CALLS; i += 1) index.affectedBy(changes[i % changes.length]); }) / CALLS);

const campaignsMs = median(allCampaignRuns);
const acrossMs = median(acrossRuns);
const rows: Array<[string, string]> = [
  ['Evaluate 1 000 campaigns for one contact (median of 20)', `${fmt(campaignsMs, 3)} ms (${fmt((campaignsMs * 1_000) / campaigns.length, 3)} µs/rule; ${shown} shown)`],
  ['Re-evaluate one campaign across 100 000 contacts (median of 5)', `${fmt(acrossMs, 1)} ms (${fmt((CONTACTS / acrossMs) * 1_000, 0)} contacts/s; ${audience} in audience)`],
  ['Build those 100 000 contexts with contextFromRows (30 traits, 10 events each; not in the row above)', `${fmt(buildMs, 0)} ms (${fmt((CONTACTS / buildMs) * 1_000, 0)} contacts/s)`],
  ['AudienceIndex: index 1 000 campaigns', `${fmt(indexMs, 2)} ms`],
  ['AudienceIndex.affectedBy, 1 000 campaigns (median of 9 × 10 000 calls)', `${fmt(median(affectedRuns) * 1_000, 2)} µs/call (touches ${affected.join(' / ')} campaigns for plan / payment_failed / 2 traits+login / page)`],
  ['Schema-validate 1 000 campaign rules', `${fmt(validateMs, 1)} ms`],
];

const table = [
  `# Targeting bench`,
  '',
  `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} · \`npx tsx bench/targeting.bench.ts\``,
  '',
  '| Measure | Result |',
  '| --- | --- |',
  ...rows.map(([measure, result]) => `| ${measure} | ${result} |`),
  '',
].join('\n');

console.log(table);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/targeting.md', import.meta.url), table);
