import { type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactProfile, IdentifyResult } from '../../../protocol/index.js';
import { computeUserHash } from '../../domain/index.js';
import {
  IDENTITY_SECRET,
  adminFetch,
  bootVisitor,
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

const nowSec = () => Math.floor(Date.now() / 1000);

/** What the host's backend does: a short-lived HS256 JWT with the workspace identity secret. */
function identityToken(userId: string, extra: JWTPayload = {}, secret = IDENTITY_SECRET): Promise<string> {
  return new SignJWT({ exp: nowSec() + 3600, iat: nowSec(), ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .sign(new TextEncoder().encode(secret));
}

const profile = async (contactId: string) => (await adminFetch<ContactProfile>(server.url, admin, 'GET', `/contacts/${contactId}`)).body;

describe('identity tokens on the widget endpoints', () => {
  it('boot with a token (and no user id) identifies the user, trusting the token\'s claims', async () => {
    const token = await identityToken('tok-boot', { name: 'Grace', traits: { plan: 'enterprise' } });
    const booted = await bootVisitor(server.url, { user: { identityToken: token, traits: { plan: 'free', theme: 'dark' } } });
    expect(booted).toMatchObject({ identified: true });
    expect(await profile(booted.contactId)).toMatchObject({
      externalId: 'tok-boot',
      name: 'Grace',
      identified: true,
      traits: { plan: 'enterprise', theme: 'dark' },
    });
    // Same user again with the matching id spelled out: the same record.
    const again = await bootVisitor(server.url, { user: { id: 'tok-boot', identityToken: await identityToken('tok-boot') } });
    expect(again.contactId).toBe(booted.contactId);
  });

  it('identify with a token merges the anonymous visitor exactly like the userHash path', async () => {
    // Device A: anonymous, then identified with a token → the anonymous contact is promoted.
    const a = await bootVisitor(server.url);
    const idA = await widgetPost<IdentifyResult>(server.url, 'identify', { token: a.token, identityToken: await identityToken('tok-merge'), traits: { seats: 5 } });
    expect(idA.status).toBe(200);
    expect(idA.body.contactId).toBe(a.contactId);

    // Device B: anonymous, identified with the classic userHash → merged into the same record.
    const b = await bootVisitor(server.url);
    const idB = await widgetPost<IdentifyResult>(server.url, 'identify', { token: b.token, userId: 'tok-merge', userHash: computeUserHash(IDENTITY_SECRET, 'tok-merge') });
    expect(idB.body.contactId).toBe(a.contactId);

    // Device C: anonymous, identified with a token and the matching userId → same record again.
    const c = await bootVisitor(server.url);
    const idC = await widgetPost<IdentifyResult>(server.url, 'identify', {
      token: c.token,
      userId: 'tok-merge',
      identityToken: await identityToken('tok-merge', { email: 'merge@example.com' }),
    });
    expect(idC.body.contactId).toBe(a.contactId);
    expect((await adminFetch(server.url, admin, 'GET', `/contacts/${b.contactId}`)).status).toBe(404);
    expect(await profile(a.contactId)).toMatchObject({ externalId: 'tok-merge', email: 'merge@example.com', traits: { seats: 5 } });
  });

  it('refuses an expired token with 401 invalid_user_hash, on identify and on boot', async () => {
    const expired = await identityToken('tok-expired', { iat: nowSec() - 7200, exp: nowSec() - 3600 });
    const v = await bootVisitor(server.url);
    const res = await widgetPost(server.url, 'identify', { token: v.token, identityToken: expired });
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'invalid_user_hash', message: expect.stringMatching(/expired/) } } });
    expect(await widgetPost(server.url, 'boot', { appId: 'demo', user: { identityToken: expired } })).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_user_hash' } },
    });
    // A valid userHash sent alongside does not make an expired token acceptable.
    const withHash = { token: v.token, userId: 'tok-expired', userHash: computeUserHash(IDENTITY_SECRET, 'tok-expired'), identityToken: expired };
    expect(await widgetPost(server.url, 'identify', withHash)).toMatchObject({ status: 401 });
  });

  it('refuses a token signed for user A used with userId B, and a token signed with another secret', async () => {
    const v = await bootVisitor(server.url);
    const forA = await identityToken('user-a');
    expect(await widgetPost(server.url, 'identify', { token: v.token, userId: 'user-b', identityToken: forA })).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_user_hash' } },
    });
    expect(await widgetPost(server.url, 'boot', { appId: 'demo', user: { id: 'user-b', identityToken: forA } })).toMatchObject({ status: 401 });
    const forged = await identityToken('user-a', {}, 'not-the-workspace-secret');
    expect(await widgetPost(server.url, 'identify', { token: v.token, identityToken: forged })).toMatchObject({ status: 401 });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'user-a', exp: nowSec() + 60 })).toString('base64url')}.`;
    expect(await widgetPost(server.url, 'identify', { token: v.token, identityToken: none })).toMatchObject({ status: 401 });
    // Nothing was attached: the browser is still the anonymous visitor it was.
    expect(await profile(v.contactId)).toMatchObject({ identified: false });
  });

  it('needs a user id or a token, and bounds the token size', async () => {
    const v = await bootVisitor(server.url);
    expect(await widgetPost(server.url, 'identify', { token: v.token })).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    expect(await widgetPost(server.url, 'boot', { appId: 'demo', user: { name: 'Nobody' } })).toMatchObject({ status: 400 });
    expect(await widgetPost(server.url, 'identify', { token: v.token, identityToken: 'x'.repeat(4001) })).toMatchObject({ status: 400 });
  });
});
