import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootResult, ContactEvent, ContactProfile, IdentifyResult, Page } from '../../../protocol/index.js';
import { computeUserHash } from '../../domain/index.js';
import {
  IDENTITY_SECRET,
  adminFetch,
  bootVisitor,
  connectVisitor,
  loginAgent,
  startTestServer,
  type TestServer,
  widgetPost,
} from '../../test-support/test-server.js';

let server: TestServer;
let admin: { cookie: string; csrf: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
});
afterAll(() => server.stop());

describe('POST /api/v1/widget/boot', () => {
  it('creates an anonymous visitor and gives the same contact back for its token', async () => {
    const first = await bootVisitor(server.url);
    expect(first).toMatchObject({ identified: false, settings: { appId: 'demo', identityVerification: true } });
    const again = await bootVisitor(server.url, { token: first.token });
    expect(again.contactId).toBe(first.contactId);
  });

  it('answers CORS for an allowed origin and refuses others before doing anything', async () => {
    const ok = await fetch(`${server.url}/api/v1/widget/boot`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ appId: 'demo' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const before = (await server.domain.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const evil = await widgetPost(server.url, 'boot', { appId: 'demo' }, 'https://evil.example');
    expect(evil).toMatchObject({ status: 403, body: { error: { code: 'origin_not_allowed' } } });
    const after = (await server.domain.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after)).toBe(Number(before));
  });

  it('gives clear errors for an unknown appId, bad JSON, a bad shape and an oversize body', async () => {
    expect(await widgetPost(server.url, 'boot', { appId: 'nope' })).toMatchObject({ status: 404, body: { error: { code: 'unknown_app' } } });
    expect(await widgetPost(server.url, 'boot', '{not json')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await widgetPost(server.url, 'boot', { appId: 42 })).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    const huge = { appId: 'demo', user: { id: 'x', traits: { blob: 'x'.repeat(100_000) } } };
    expect(await widgetPost(server.url, 'boot', huge)).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('refuses a forged token by starting a fresh anonymous visitor, never someone else', async () => {
    const victim = await bootVisitor(server.url);
    const [h, , s] = victim.token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: victim.contactId, ws: 'x', aud: 'parley:visitor', exp: 9e9 })).toString('base64url')}.${s}`;
    const attacker = await bootVisitor(server.url, { token: forged });
    expect(attacker.contactId).not.toBe(victim.contactId);
  });
});

describe('identify: one golden record', () => {
  const hash = (id: string) => computeUserHash(IDENTITY_SECRET, id);

  it('rejects a missing or wrong userHash when verification is on', async () => {
    const v = await bootVisitor(server.url);
    expect(await widgetPost(server.url, 'identify', { token: v.token, userId: 'u-1' })).toMatchObject({ status: 401, body: { error: { code: 'invalid_user_hash' } } });
    expect(await widgetPost(server.url, 'identify', { token: v.token, userId: 'u-1', userHash: hash('u-2') })).toMatchObject({ status: 401 });
    expect(await widgetPost(server.url, 'boot', { appId: 'demo', user: { id: 'u-1', userHash: 'f'.repeat(64) } })).toMatchObject({ status: 401 });
  });

  it('merges the anonymous visitor, its conversations and events into the known contact across devices', async () => {
    // Device A: anonymous, writes a message and tracks an event, then logs in.
    const a = await bootVisitor(server.url);
    const socket = await connectVisitor(server.url, a.token);
    const started = await socket.emitWithAck('conversation:start', { clientId: 'merge-conv-0001', body: 'Hi from device A' });
    expect(started.ok).toBe(true);
    socket.close();
    await widgetPost(server.url, 'events', { token: a.token, events: [{ id: 'merge-ev-0001', type: 'track', name: 'signup_clicked' }] });
    const idA = await widgetPost<IdentifyResult>(server.url, 'identify', { token: a.token, userId: 'ada', userHash: hash('ada'), traits: { name: 'Ada', plan: 'pro' } });
    expect(idA.status).toBe(200);
    expect(idA.body.contactId).toBe(a.contactId); // first identify promotes the anonymous contact

    // Device B: anonymous with its own history, then logs in as the same user → merged into the one record.
    const b = await bootVisitor(server.url);
    await widgetPost(server.url, 'events', { token: b.token, events: [{ id: 'merge-ev-0002', type: 'page', name: 'Pricing', url: 'https://app.example/pricing?coupon=SECRET#x' }] });
    const idB = await widgetPost<IdentifyResult>(server.url, 'identify', { token: b.token, userId: 'ada', userHash: hash('ada') });
    expect(idB.body.contactId).toBe(a.contactId);

    const profile = await adminFetch<ContactProfile>(server.url, admin, 'GET', `/contacts/${a.contactId}`);
    expect(profile.body).toMatchObject({ externalId: 'ada', name: 'Ada', identified: true, traits: { plan: 'pro' } });
    expect(profile.body.lastPageUrl).toBe('https://app.example/pricing');
    expect((await adminFetch(server.url, admin, 'GET', `/contacts/${b.contactId}`)).status).toBe(404);
    const events = await adminFetch<Page<ContactEvent>>(server.url, admin, 'GET', `/contacts/${a.contactId}/events`);
    expect(events.body.data.map((e) => e.name).sort()).toEqual(['Pricing', 'signup_clicked']);
    const convs = await adminFetch<Page<{ contact: { id: string } }>>(server.url, admin, 'GET', `/conversations?contact_id=${a.contactId}`);
    expect(convs.body.data).toHaveLength(1);

    // A third device that boots with the user directly lands on the same record too.
    const c = await bootVisitor(server.url, { user: { id: 'ada', userHash: hash('ada') } });
    expect(c).toMatchObject({ contactId: a.contactId, identified: true });
  });
});

describe('POST /api/v1/widget/events', () => {
  it('stores each event once even when a batch is resent, and needs a valid token', async () => {
    const v = await bootVisitor(server.url);
    const batch = { token: v.token, events: [{ id: 'evt-once-0001', type: 'track', name: 'report_exported', props: { format: 'csv' } }] };
    expect(await widgetPost(server.url, 'events', batch)).toMatchObject({ status: 200, body: { stored: 1 } });
    expect(await widgetPost(server.url, 'events', batch)).toMatchObject({ status: 200, body: { stored: 0 } });
    expect(await widgetPost(server.url, 'events', { ...batch, token: 'garbage' })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const bad = { token: v.token, events: [{ id: 'evt-bad-00001', type: 'track', name: '' }] };
    expect(await widgetPost(server.url, 'events', bad)).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
  });
});

describe('boot result', () => {
  it('never carries secrets', async () => {
    const res = await bootVisitor(server.url);
    expect(JSON.stringify(res satisfies BootResult)).not.toContain(IDENTITY_SECRET);
  });
});

describe('POST /api/v1/widget/contact-email (pre-chat email capture)', () => {
  it('stores an anonymous visitor’s email, refuses bad input and identified visitors', async () => {
    const v = await bootVisitor(server.url);
    expect(v.email).toBeNull();
    expect(await widgetPost(server.url, 'contact-email', { token: v.token, email: 'not-an-email' })).toMatchObject({ status: 400 });
    expect(await widgetPost(server.url, 'contact-email', { token: v.token, email: 'Grace@Example.com' })).toMatchObject({ status: 200, body: { email: 'grace@example.com' } });
    const profile = await adminFetch<ContactProfile>(server.url, admin, 'GET', `/contacts/${v.contactId}`);
    expect(profile.body.email).toBe('grace@example.com');
    expect((await bootVisitor(server.url, { token: v.token })).email).toBe('grace@example.com');

    const known = await bootVisitor(server.url, { user: { id: 'email-known', userHash: computeUserHash(IDENTITY_SECRET, 'email-known') } });
    expect(await widgetPost(server.url, 'contact-email', { token: known.token, email: 'x@example.com' })).toMatchObject({ status: 403 });
  });
});
