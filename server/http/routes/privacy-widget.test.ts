/**
 * What the widget side of privacy promises, against the real server: the
 * consent probe tells the SDK the workspace's mode without creating anything;
 * a verified user downloads their own data through a short-lived link;
 * stored page URLs keep only allow-listed query parameters; a coarse country
 * is kept only from the configured proxy header and only while the workspace
 * wants it.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry, ContactExport, ContactProfile, Page, SelfExportLink, WidgetSettings } from '../../../protocol/index.js';
import { computeUserHash } from '../../domain/identity/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { bootVisitor, connectVisitor, IDENTITY_SECRET, widgetPost } from '../../test-support/test-server.js';

const t = useAdminTestServer({ COUNTRY_HEADER: 'CF-IPCountry' });
const contacts = async () => (await t.server.domain.db.selectFrom('contacts').select('id').execute()).length;
const verified = (id: string) => ({ user: { id, name: 'Self Exporter', userHash: computeUserHash(IDENTITY_SECRET, id) } });

describe('GET /api/v1/widget/settings (the consent probe)', () => {
  it('answers the public messenger settings, consent mode included, and stores nothing', async () => {
    await t.api('PATCH', '/settings', { privacy: { requireConsent: true, chatBeforeConsent: true } });
    const before = await contacts();
    const res = await fetch(`${t.server.url}/api/v1/widget/settings?appId=demo`, { headers: { Origin: t.server.url } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(t.server.url);
    expect(res.headers.get('set-cookie')).toBeNull();
    const settings = (await res.json()) as WidgetSettings;
    expect(settings).toMatchObject({ appId: 'demo', requireConsent: true, chatBeforeConsent: true });
    expect(JSON.stringify(settings)).not.toMatch(/secret/i);
    expect(await contacts()).toBe(before);
    expect((await fetch(`${t.server.url}/api/v1/widget/settings?appId=nope`)).status).toBe(404);
    await t.api('PATCH', '/settings', { privacy: { requireConsent: false, chatBeforeConsent: false } });
  });

  it('refuses an origin outside the allowlist', async () => {
    await t.api('PATCH', '/settings', { allowedOrigins: ['https://app.example.com'] });
    const res = await fetch(`${t.server.url}/api/v1/widget/settings?appId=demo`, { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    // No Origin at all: a same-origin page of this server (the demo) or a script; the settings are public.
    expect((await fetch(`${t.server.url}/api/v1/widget/settings?appId=demo`)).status).toBe(200);
    await t.api('PATCH', '/settings', { allowedOrigins: [] });
  });
});

describe('a verified user’s own export', () => {
  it('is a short-lived download link with their data, without the team’s notes, and audited', async () => {
    const boot = await bootVisitor(t.server.url, verified('self-export-1'));
    const socket = await connectVisitor(t.server.url, boot.token);
    t.sockets.push(socket);
    const started = await socket.emitWithAck('conversation:start', { clientId: 'self-export-c1', body: 'Where is my order?' });
    if (!started.ok) throw new Error(started.error.message);
    await t.api('POST', `/conversations/${started.data.conversation.id}/notes`, { body: 'Internal: difficult customer' });

    const res = await widgetPost<SelfExportLink>(t.server.url, 'export', { token: boot.token });
    expect(res.status).toBe(200);
    const ttl = Date.parse(res.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(10 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    expect(res.body.url).toMatch(/^http:\/\/127\.0\.0\.1\/api\/v1\/widget\/export\//);

    const download = await fetch(res.body.url.replace('http://127.0.0.1', t.server.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="my-data.json"');
    const doc = (await download.json()) as ContactExport;
    expect(doc.contact).toMatchObject({ id: boot.contactId, name: 'Self Exporter' });
    expect(doc.conversations[0].messages[0].body).toBe('Where is my order?');
    expect(doc.conversations[0].notes).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('difficult customer');

    const log = await t.api<Page<AuditEntry>>('GET', `/audit-log?action=contact.self_exported&target_id=${boot.contactId}`);
    expect(log.body.data[0].actor).toEqual({ type: 'visitor', id: boot.contactId, name: null });
    // A tampered link is a missing one.
    expect((await fetch(`${res.body.url.replace('http://127.0.0.1', t.server.url)}x`)).status).toBe(404);
  });

  it('is refused to anonymous visitors, and to everyone while identity verification is off', async () => {
    const anonymous = await bootVisitor(t.server.url);
    expect((await widgetPost(t.server.url, 'export', { token: anonymous.token })).status).toBe(403);
    const known = await bootVisitor(t.server.url, verified('self-export-2'));
    await t.api('PATCH', '/settings', { identityVerification: false });
    expect((await widgetPost(t.server.url, 'export', { token: known.token })).status).toBe(403);
    await t.api('PATCH', '/settings', { identityVerification: true });
    expect((await widgetPost(t.server.url, 'export', { token: 'not-a-token' })).status).toBe(401);
  });
});

describe('what a page view keeps', () => {
  it('stores page URLs without query string or fragment, except allow-listed parameters', async () => {
    await t.api('PATCH', '/settings', { privacy: { urlQueryAllowlist: ['utm_source', 'plan'] } });
    const boot = await bootVisitor(t.server.url);
    const url = `${t.server.url}/pricing?email=a%40b.test&utm_source=newsletter&token=s3cret&plan=pro#section`;
    await widgetPost(t.server.url, 'events', { token: boot.token, events: [{ id: 'page-allow-1', type: 'page', name: 'Pricing', url }] });
    const events = await t.api<Page<{ url: string | null }>>('GET', `/contacts/${boot.contactId}/events`);
    expect(events.body.data[0].url).toBe(`${t.server.url}/pricing?utm_source=newsletter&plan=pro`);
    expect((await t.api<ContactProfile>('GET', `/contacts/${boot.contactId}`)).body.lastPageUrl).toBe(`${t.server.url}/pricing?utm_source=newsletter&plan=pro`);
    await t.api('PATCH', '/settings', { privacy: { urlQueryAllowlist: [] } });
  });

  it('keeps a two-letter country from the proxy header (never the IP), and forgets them when switched off', async () => {
    const boot = async (country: string) => {
      const res = await fetch(`${t.server.url}/api/v1/widget/boot`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Origin: t.server.url, 'CF-IPCountry': country },
        body: JSON.stringify({ appId: 'demo' }),
      });
      return ((await res.json()) as { contactId: string }).contactId;
    };
    const countryOf = async (id: string) => (await t.server.domain.db.selectFrom('contacts').select('country').where('id', '=', id).executeTakeFirstOrThrow()).country;
    const id = await boot('de');
    expect(await countryOf(id)).toBe('DE');
    expect(await countryOf(await boot('XX'))).toBeNull(); // unknown
    const exported = await t.api<ContactExport>('GET', `/contacts/${id}/export`);
    expect(exported.body.contact.country).toBe('DE');
    expect(JSON.stringify(exported.body)).not.toMatch(/127\.0\.0\.1"|::1|::ffff/);

    await t.api('PATCH', '/settings', { privacy: { storeCountry: false } });
    expect(await countryOf(id)).toBeNull();
    expect(await countryOf(await boot('FR'))).toBeNull();
    await t.api('PATCH', '/settings', { privacy: { storeCountry: true } });
  });
});
