/**
 * The data-subject requests against the real server (SQLite, and Postgres in
 * the `postgres` project): a contact with rows in every registered table is
 * exported completely (counted table by table against the registry), then
 * erased — after which a scan of the whole database (SQLite: checkpointed and
 * VACUUMed file bytes and the FTS5 indexes; Postgres: every row of every
 * table as text) finds none of its strings, its files are gone from disk, and
 * the aggregate counts are what they were.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { vi, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ContactExport, ConversationReport, MessageStats, Page, SurveyResults, TourStats } from '../../../protocol/index.js';
import { CONTACT_TABLES, type ContactTable, contactTable } from '../../domain/privacy/index.js';
import { linkedRows } from '../../domain/privacy/contact-links.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { addAgent, otherWorkspace } from '../../test-support/inbox-fixtures.js';
import { type RichContact, richContact } from '../../test-support/privacy-fixtures.js';
import { findInStore } from '../../test-support/privacy-scan.js';

const t = useAdminTestServer({ WEBHOOK_ALLOW_PRIVATE: '1' });
let ada: RichContact;

beforeAll(async () => {
  // Deliveries to a closed port stay in the outbox, payloads and all: the erase must find them.
  const hook = await t.api('POST', '/webhooks', { url: 'http://127.0.0.1:9/privacy', events: ['contact.created', 'contact.updated', 'message.created', 'survey.response'] });
  expect(hook.status).toBe(201);
  ada = await richContact(t, 'Exp');
  await vi.waitFor(
    async () => {
      const payloads = (await t.server.domain.db.selectFrom('webhook_deliveries').select('payload').execute()).map((r) => r.payload).join('\n');
      for (const needle of [ada.texts.email, ada.texts.visitor, ada.texts.agent]) if (!payloads.includes(needle)) throw new Error(`no delivery with ${needle} yet`);
    },
    { timeout: 10_000, interval: 50 },
  );
  await t.server.reactions.settled();
});

/** How many items of `entry`'s table the export document holds. */
function exported(doc: ContactExport, entry: ContactTable): number {
  const sum = (f: (c: ContactExport['conversations'][number]) => number) => doc.conversations.reduce((n, c) => n + f(c), 0);
  const counts: Record<string, () => number> = {
    contacts: () => 1,
    events: () => doc.events.length,
    conversations: () => doc.conversations.length,
    messages: () => sum((c) => c.messages.length),
    conversation_notes: () => sum((c) => c.notes?.length ?? 0),
    conversation_tags: () => sum((c) => c.tags.length),
    attachments: () => doc.uploads.length,
    campaign_deliveries: () => doc.messageImpressions.length,
    survey_responses: () => doc.surveyResponses.length,
    tour_runs: () => doc.tourRuns.length,
    tour_step_events: () => doc.tourRuns.reduce((n, r) => n + r.steps.length, 0),
    series_enrollments: () => doc.seriesEnrollments.length,
    series_step_visits: () => doc.seriesEnrollments.reduce((n, e) => n + e.visits.length, 0),
  };
  if (entry.export === 'other') return doc.other[entry.table]?.length ?? 0;
  const count = counts[entry.table];
  if (!count) throw new Error(`${entry.table} is exported in "${entry.export}": say here how to count it in the document`);
  return count();
}

describe('GET /api/v1/contacts/:id/export', () => {
  it('holds every row the registry ties to the contact, table by table', async () => {
    const res = await t.api<ContactExport>('GET', `/contacts/${ada.contactId}/export`);
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc).toMatchObject({ format: 'parley.contact-export', version: 1, contact: { id: ada.contactId, externalId: ada.externalId, traits: { plan: ada.texts.trait } } });
    const db = t.server.domain.db;
    const problems: string[] = [];
    for (const entry of CONTACT_TABLES.filter((e) => e.export !== 'none')) {
      const stored = (await linkedRows(db, entry, [ada.contactId], contactTable)).length;
      // The fixture must reach every registered table, or this proves nothing for it.
      if (stored === 0) problems.push(`${entry.table}: the fixture made no row (extend server/test-support/privacy-fixtures.ts)`);
      else if (exported(doc, entry) !== stored) problems.push(`${entry.table}: ${stored} stored, ${exported(doc, entry)} exported`);
    }
    expect(problems).toEqual([]);
    // Texts, not just counts.
    const text = JSON.stringify(doc);
    for (const needle of ada.needles.filter((n) => n !== ada.texts.file && n !== ada.texts.page)) expect(text).toContain(needle);
    expect(doc.events.find((e) => e.type === 'page')?.url).toMatch(/\/orders\/QuibbletonExp$/); // no query string kept
    // Uploads as absolute links under PUBLIC_URL (http://127.0.0.1 in tests), signed: they download as they are.
    expect(doc.uploads.every((u) => u.url.startsWith('http://127.0.0.1/api/v1/attachments/'))).toBe(true);
    const file = await fetch(doc.uploads[0].url.replace('http://127.0.0.1', t.server.url));
    expect(await file.text()).toBe(ada.texts.file);
  });

  it('as a CSV bundle: a zip with one CSV per section', async () => {
    const res = await fetch(`${t.server.url}/api/v1/contacts/${ada.contactId}/export?format=csv`, { headers: { Cookie: t.session.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = Buffer.from(await res.arrayBuffer());
    expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
    const names = [...zip.toString('latin1').matchAll(/PK\x01\x02[\s\S]{42}([\w.]+\.csv)/g)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['contact.csv', 'events.csv', 'conversations.csv', 'messages.csv', 'notes.csv', 'uploads.csv', 'automation_runs.csv']));
  });

  it('is audited, for admins only; another workspace’s contact answers 404', async () => {
    const log = await t.api<Page<AuditEntry>>('GET', `/audit-log?target_id=${ada.contactId}&action=contact.exported`);
    expect(log.body.data.map((e) => e.details.format).sort()).toEqual(['csv', 'json']);
    expect(log.body.data[0].actor).toMatchObject({ type: 'agent', id: t.session.agentId });
    const agent = await addAgent(t.server, { name: 'Plain Agent', email: 'plain-privacy@test.local' });
    const asAgent = await fetch(`${t.server.url}/api/v1/contacts/${ada.contactId}/export`, { headers: { Cookie: agent.cookie } });
    expect(asAgent.status).toBe(403);
    const other = await otherWorkspace(t.server);
    const asOther = await fetch(`${t.server.url}/api/v1/contacts/${ada.contactId}/export`, { headers: { Cookie: other.session.cookie } });
    expect(asOther.status).toBe(404);
  });
});

describe('DELETE /api/v1/contacts/:id', () => {
  it('leaves no trace of the person in the database or the uploads, and the aggregate counts as they were', async () => {
    // The scan can see: before the erase it finds every string.
    const before = await findInStore(t.server, ada.needles, ada.words);
    expect(before.length).toBeGreaterThanOrEqual(ada.needles.length);
    for (const key of ada.storageKeys) expect(existsSync(join(t.server.dir, 'uploads', key))).toBe(true);
    const counts = async () => ({
      message: (await t.api<MessageStats>('GET', `/messages/${ada.campaignId}/stats`)).body,
      survey: (await t.api<SurveyResults>('GET', `/surveys/${ada.surveyId}/results`)).body,
      tour: (await t.api<TourStats>('GET', `/tours/${ada.tourId}/stats`)).body,
      report: (await t.api<ConversationReport>('GET', '/reports/conversations')).body,
    });
    const was = await counts();
    expect(was.survey).toMatchObject({ responses: 1 });

    const agent = await addAgent(t.server, { name: 'Not Admin', email: 'not-admin-privacy@test.local' });
    const refused = await fetch(`${t.server.url}/api/v1/contacts/${ada.contactId}`, { method: 'DELETE', headers: { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrf, Origin: t.server.url } });
    expect(refused.status).toBe(403);
    expect((await t.api('DELETE', `/contacts/${ada.contactId}`)).status).toBe(204);

    expect((await t.api('GET', `/contacts/${ada.contactId}`)).status).toBe(404);
    expect((await t.api('DELETE', `/contacts/${ada.contactId}`)).status).toBe(404);
    const list = await t.api<Page<{ id: string; name: string | null }>>('GET', '/contacts?limit=100');
    expect(list.body.data.every((c) => c.id !== ada.contactId)).toBe(true);

    // Aggregates: the same numbers, nobody behind them.
    const now = await counts();
    expect(now.message).toEqual(was.message);
    expect({ ...now.survey, questions: null }).toMatchObject({ ...was.survey, questions: null });
    expect(now.tour).toEqual(was.tour);
    expect(now.report.opened).toBe(was.report.opened);
    expect(now.report.closed).toBe(was.report.closed);

    expect(await findInStore(t.server, ada.needles, ada.words)).toEqual([]);
    for (const key of ada.storageKeys) expect(existsSync(join(t.server.dir, 'uploads', key))).toBe(false);

    const log = await t.api<Page<AuditEntry>>('GET', `/audit-log?target_id=${ada.contactId}&action=contact.erased`);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({ actor: { type: 'agent', id: t.session.agentId }, details: { kept_conversations: 1, files: 2 } });
  });
});
