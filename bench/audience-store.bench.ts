/**
 * The server's audience path with the real store (issue #4), on top of the
 * pure evaluator measured in targeting.bench.ts:
 * - a page view: the in-app messages one contact is eligible for, with 1 000
 *   live messages (store reads, momentRule, personalisation);
 * - a segment's live count: one rule across 100 000 contacts read from SQLite
 *   page by page with the events the rule reads;
 * - incremental: after an event, deciding whether any live rule reads it.
 *
 * Run: `npx tsx bench/audience-store.bench.ts` (writes bench/results/audience-store.md).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateMessageInput, Rule } from '../protocol/index.js';
import { createDomain } from '../server/domain/index.js';
import { seedIfEmpty } from '../server/domain/seed.js';
import { migrateToLatest, openStore } from '../server/store/index.js';

const CONTACTS = 100_000;
const CAMPAIGNS = 1_000;
const PLANS = ['free', 'trial', 'pro', 'team', 'enterprise'];
const EVENTS = ['login', 'payment_failed', 'invite_sent', 'export_csv', 'project_created'];

let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

function rule(i: number): Rule {
  switch (i % 4) {
    case 0:
      return { all: [{ attr: 'plan', op: 'in', value: [pick(PLANS), pick(PLANS)] }, { page: { op: 'glob', value: '/billing/*' } }] };
    case 1:
      return { event: pick(EVENTS), op: 'count_gte', value: 2, within: '30d' };
    case 2:
      return { any: [{ attr: 'seats', op: 'gte', value: Math.floor(random() * 50) }, { not: { attr: 'plan', op: 'eq', value: 'free' } }] };
    default:
      return { all: [{ attr: 'email', op: 'ends_with', value: '@example.com' }, { locale: { op: 'in', value: ['en', 'id'] } }] };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const store = openStore(`sqlite:${join(dir, 'bench.db')}`);
await migrateToLatest(store.db, store.kind);
const domain = await createDomain(store.db, { uploads: { dir: join(dir, 'uploads') } });
await seedIfEmpty(domain, { publicUrl: 'http://localhost:3000', adminPassword: 'bench-password' });
const ws = await domain.workspaces.byAppId('demo');

const filled = performance.now();
const now = Date.now();
for (let start = 0; start < CONTACTS; start += 500) {
  const contacts = Array.from({ length: Math.min(500, CONTACTS - start) }, (_, k) => {
    const n = start + k;
    const at = new Date(now - n * 1_000).toISOString();
    return {
      id: `ct_bench_${n}`,
      workspace_id: ws.id,
      external_id: `user-${n}`,
      email: `user${n}@${n % 3 ? 'example.com' : 'acme.com'}`,
      name: `User ${n}`,
      traits: JSON.stringify({ plan: pick(PLANS), seats: Math.floor(random() * 100) }),
      locale: pick(['en', 'id', 'ar']),
      device: null,
      first_seen_at: at,
      last_seen_at: at,
      last_page_url: null,
      tags: '[]',
    };
  });
  const events = contacts.flatMap((c, k) =>
    Array.from({ length: 3 }, (_, e) => ({
      id: `ev_${c.id}_${e}`,
      workspace_id: ws.id,
      contact_id: c.id,
      client_id: `${c.id}-${e}`,
      type: 'track' as const,
      name: pick(EVENTS),
      props: '{}',
      url: null,
      occurred_at: new Date(now - (k + e) * 60_000).toISOString(),
      received_at: new Date(now).toISOString(),
    })),
  );
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('contacts').values(contacts).execute();
    for (let i = 0; i < events.length; i += 300) await trx.insertInto('events').values(events.slice(i, i + 300)).execute();
  });
}
const fillMs = performance.now() - filled;

for (let i = 0; i < CAMPAIGNS; i++) {
  const input: CreateMessageInput = { name: `Campaign ${i}`, format: 'post', body: 'Hi {{user.first_name | fallback: "there"}}', trigger: { on: 'immediate' }, audience: rule(i), status: 'live' };
  await domain.inApp.campaigns.create(ws.id, input);
}

const contact = await domain.contacts.get(ws.id, 'ct_bench_42');
const eligible = (await domain.inApp.snapshotFor(contact)).messages.length;
const snapshotMs = await time(20, () => domain.inApp.snapshotFor(contact));
const countRule: Rule = { all: [{ attr: 'plan', op: 'eq', value: 'pro' }, { event: 'payment_failed', op: 'count_gte', value: 1 }] };
let matched = 0;
const countMs = await time(3, async () => (matched = await domain.audiences.count(ws.id, countRule)));
const affectsMs = await time(1_000, () => domain.inApp.affects(ws.id, { events: ['payment_failed'] }));

const rows: Array<[string, string]> = [
  [`Eligible messages for one contact, ${CAMPAIGNS} live (median of 20; store + momentRule + personalise)`, `${snapshotMs.toFixed(1)} ms (${eligible} eligible)`],
  [`Segment count: one rule across ${CONTACTS.toLocaleString('en')} contacts in SQLite (median of 3)`, `${countMs.toFixed(0)} ms (${Math.round(CONTACTS / (countMs / 1_000)).toLocaleString('en')} contacts/s; ${matched} match)`],
  [`Incremental: does an event touch any of ${CAMPAIGNS} live rules (median of 1 000)`, `${(affectsMs * 1_000).toFixed(1)} µs`],
  [`Filling the store: ${CONTACTS.toLocaleString('en')} contacts + ${(CONTACTS * 3).toLocaleString('en')} events`, `${(fillMs / 1_000).toFixed(1)} s`],
];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const table = [
  '# Audience bench (store)',
  '',
  `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpu} × ${os.cpus().length} · \`npx tsx bench/audience-store.bench.ts\``,
  '',
  '| Measure | Result |',
  '| --- | --- |',
  ...rows.map(([m, r]) => `| ${m} | ${r} |`),
  '',
].join('\n');
console.log(table);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/audience-store.md', table);
await store.close();
rmSync(dir, { recursive: true, force: true });
