import { SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { IdentityResolver } from '../contacts/index.js';
import type { Workspace } from '../workspaces/index.js';
import { computeUserHash } from './user-hash.js';
import { verifyIdentityToken } from './identity-token.js';

const secret = 'workspace-identity-secret';
const key = new TextEncoder().encode(secret);
const nowSec = () => Math.floor(Date.now() / 1000);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function sign(claims: JWTPayload, k: Uint8Array = key): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(k);
}

const refused = (message: RegExp) => ({ code: 'invalid_user_hash', message: expect.stringMatching(message) });

describe('verifyIdentityToken', () => {
  it('accepts a valid token and returns its user id, traits, name and email', async () => {
    const t = await sign({ sub: 'user-1', iat: nowSec(), exp: nowSec() + 3600, traits: { plan: 'pro', seats: 3 }, name: 'Ada', email: 'ada@example.com' });
    await expect(verifyIdentityToken(secret, t)).resolves.toEqual({
      userId: 'user-1',
      traits: { plan: 'pro', seats: 3 },
      name: 'Ada',
      email: 'ada@example.com',
    });
    const bare = await sign({ sub: 'user-2', exp: nowSec() + 60 });
    await expect(verifyIdentityToken(secret, bare)).resolves.toEqual({ userId: 'user-2' });
  });

  it('refuses an expired token, with a small clock-skew tolerance', async () => {
    const expired = await sign({ sub: 'user-1', iat: nowSec() - 7200, exp: nowSec() - 3600 });
    await expect(verifyIdentityToken(secret, expired)).rejects.toMatchObject(refused(/expired/));
    const justExpired = await sign({ sub: 'user-1', exp: nowSec() - 10 });
    await expect(verifyIdentityToken(secret, justExpired)).resolves.toMatchObject({ userId: 'user-1' });
    const pastSkew = await sign({ sub: 'user-1', exp: nowSec() - 60 });
    await expect(verifyIdentityToken(secret, pastSkew)).rejects.toMatchObject(refused(/expired/));
  });

  it('refuses a token that lives longer than 24 h (from iat, or from now)', async () => {
    const fromIat = await sign({ sub: 'user-1', iat: nowSec() - 3600, exp: nowSec() + 23 * 3600 + 60 });
    await expect(verifyIdentityToken(secret, fromIat)).rejects.toMatchObject(refused(/lives too long/));
    const fromNow = await sign({ sub: 'user-1', exp: nowSec() + 25 * 3600 });
    await expect(verifyIdentityToken(secret, fromNow)).rejects.toMatchObject(refused(/lives too long/));
    const forever = await sign({ sub: 'user-1', exp: 9_999_999_999 });
    await expect(verifyIdentityToken(secret, forever)).rejects.toMatchObject(refused(/lives too long/));
    const day = await sign({ sub: 'user-1', iat: nowSec(), exp: nowSec() + 24 * 3600 });
    await expect(verifyIdentityToken(secret, day)).resolves.toMatchObject({ userId: 'user-1' });
    const future = await sign({ sub: 'user-1', iat: nowSec() + 3600, exp: nowSec() + 7200 });
    await expect(verifyIdentityToken(secret, future)).rejects.toMatchObject(refused(/iat/));
  });

  it('refuses a token signed with another secret, or tampered with', async () => {
    const other = await sign({ sub: 'user-1', exp: nowSec() + 3600 }, new TextEncoder().encode('another-secret'));
    await expect(verifyIdentityToken(secret, other)).rejects.toMatchObject(refused(/bad signature/));
    const t = await sign({ sub: 'user-1', exp: nowSec() + 3600 });
    const [h, , s] = t.split('.');
    const tampered = `${h}.${b64({ sub: 'admin', exp: nowSec() + 3600 })}.${s}`;
    await expect(verifyIdentityToken(secret, tampered)).rejects.toMatchObject(refused(/bad signature/));
  });

  it('refuses alg "none" and any algorithm other than HS256', async () => {
    const claims = { sub: 'user-1', exp: nowSec() + 3600 };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    await expect(verifyIdentityToken(secret, none)).rejects.toMatchObject(refused(/HS256/));
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(key);
    await expect(verifyIdentityToken(secret, hs512)).rejects.toMatchObject(refused(/HS256/));
  });

  it('refuses a token without exp or without sub', async () => {
    const noExp = await sign({ sub: 'user-1', iat: nowSec() });
    await expect(verifyIdentityToken(secret, noExp)).rejects.toMatchObject(refused(/missing the required "exp" claim/));
    const noSub = await sign({ exp: nowSec() + 3600 });
    await expect(verifyIdentityToken(secret, noSub)).rejects.toMatchObject(refused(/missing the required "sub" claim/));
  });

  it('refuses claims beyond the protocol limits, and garbage', async () => {
    const longSub = await sign({ sub: 'x'.repeat(65), exp: nowSec() + 3600 });
    await expect(verifyIdentityToken(secret, longSub)).rejects.toMatchObject(refused(/"sub"/));
    const badTraits = await sign({ sub: 'user-1', exp: nowSec() + 3600, traits: { '1bad': true } });
    await expect(verifyIdentityToken(secret, badTraits)).rejects.toMatchObject(refused(/"traits/));
    const tooMany = await sign({ sub: 'user-1', exp: nowSec() + 3600, traits: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, i])) });
    await expect(verifyIdentityToken(secret, tooMany)).rejects.toMatchObject(refused(/traits/));
    const badEmail = await sign({ sub: 'user-1', exp: nowSec() + 3600, email: 'not-an-email' });
    await expect(verifyIdentityToken(secret, badEmail)).rejects.toMatchObject(refused(/"email"/));
    await expect(verifyIdentityToken(secret, 'not.a.jwt')).rejects.toMatchObject(refused(/malformed/));
    await expect(verifyIdentityToken(secret, '')).rejects.toMatchObject(refused(/malformed/));
    await expect(verifyIdentityToken(secret, 'a'.repeat(4001))).rejects.toMatchObject(refused(/malformed/));
    await expect(verifyIdentityToken('', await sign({ sub: 'u', exp: nowSec() + 60 }))).rejects.toMatchObject(refused(/no identity secret/));
  });

  it('never echoes the token in its error message', async () => {
    const t = await sign({ sub: 'user-1', exp: nowSec() - 3600 });
    const err = await verifyIdentityToken(secret, t).catch((e: Error) => e);
    expect((err as Error).message).not.toContain(t.split('.')[1]);
  });
});

describe('IdentityResolver.assertVerified with an identity token', () => {
  // assertVerified never touches the store: no database needed.
  const resolver = new IdentityResolver(null as never, null as never, null as never);
  // Only the identity fields matter here; the rest of Workspace is irrelevant to verification.
  const ws = (identityVerification: boolean) => ({ id: 'ws_1', appId: 'demo', identitySecret: secret, identityVerification }) as Workspace;

  it('takes the user id from sub and lets the token\'s traits, name and email win', async () => {
    const t = await sign({ sub: 'user-1', exp: nowSec() + 3600, traits: { plan: 'pro', email: 'token@example.com' }, name: 'Token Name' });
    await expect(
      resolver.assertVerified(ws(true), { identityToken: t, traits: { plan: 'free', theme: 'dark' }, name: 'Client Name', email: 'client@example.com' }),
    ).resolves.toEqual({
      userId: 'user-1',
      traits: { plan: 'pro', theme: 'dark', email: 'token@example.com' },
      name: 'Token Name',
      email: 'token@example.com',
    });
    await expect(resolver.assertVerified(ws(true), { userId: 'user-1', identityToken: t })).resolves.toMatchObject({ userId: 'user-1' });
  });

  it('refuses a userId that differs from the token\'s sub (sub mismatch)', async () => {
    const t = await sign({ sub: 'user-a', exp: nowSec() + 3600 });
    await expect(resolver.assertVerified(ws(true), { userId: 'user-b', identityToken: t })).rejects.toMatchObject(refused(/another user/));
    // A valid userHash for user-b does not rescue a token made for user-a.
    await expect(
      resolver.assertVerified(ws(true), { userId: 'user-b', userHash: computeUserHash(secret, 'user-b'), identityToken: t }),
    ).rejects.toMatchObject(refused(/another user/));
  });

  it('verifies a given token even when identity verification is off; a bad one is refused, not ignored', async () => {
    const expired = await sign({ sub: 'user-1', exp: nowSec() - 3600 });
    await expect(resolver.assertVerified(ws(false), { userId: 'user-1', identityToken: expired })).rejects.toMatchObject(refused(/expired/));
    await expect(
      resolver.assertVerified(ws(true), { userId: 'user-1', userHash: computeUserHash(secret, 'user-1'), identityToken: expired }),
    ).rejects.toMatchObject(refused(/expired/));
    await expect(resolver.assertVerified(ws(false), { userId: 'user-1' })).resolves.toMatchObject({ userId: 'user-1' });
    await expect(resolver.assertVerified(ws(true), { userId: 'user-1' })).rejects.toMatchObject({ code: 'invalid_user_hash' });
    await expect(resolver.assertVerified(ws(false), {})).rejects.toMatchObject({ code: 'invalid_user_hash' });
  });
});
