/**
 * Identity tokens: the expiring alternative to a userHash. The host's backend
 * signs a short-lived JWT (HS256, with the workspace identity secret, the same
 * one as for userHash) naming the user, so a token captured from a page stops
 * working once it expires instead of proving the identity forever.
 *
 * Claims: `sub` (user id, required), `exp` (required, at most 24 h ahead),
 * `iat` (optional; `exp - iat` at most 24 h), and optional `traits`, `name` and
 * `email`, which are trusted because the host signed them.
 */
import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { LIMITS, type Traits, traitsSchema } from '../../../protocol/index.js';
import { ParleyError } from '../errors.js';

export interface IdentityTokenClaims {
  userId: string;
  traits?: Traits;
  name?: string;
  email?: string;
}

/** Longest lifetime we accept; hosts should issue far shorter ones (≤ 1 h). */
export const IDENTITY_TOKEN_MAX_LIFETIME_SEC = 24 * 60 * 60;
/** Tolerated clock difference between the host's backend and ours. */
export const IDENTITY_TOKEN_CLOCK_SKEW_SEC = 30;
/** Upper bound on the compact token's length (mirrors the protocol schema). */
export const IDENTITY_TOKEN_MAX_LENGTH = 4_000;

const claimsSchema = z.object({
  sub: z.string().min(1).max(LIMITS.id),
  exp: z.number().finite(),
  iat: z.number().finite().optional(),
  traits: traitsSchema.optional(),
  name: z.string().max(200).optional(),
  email: z.string().email().max(320).optional(),
});

const refuse = (why: string) => new ParleyError('invalid_user_hash', `identity token ${why}`);

/** Maps jose's failures to messages a host developer can act on (never echoing the token). */
function explain(err: unknown): ParleyError {
  if (err instanceof ParleyError) return err;
  if (err instanceof errors.JWTExpired) return refuse('has expired; issue a fresh one on each page load');
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return refuse('has a bad signature: sign it with the workspace identity secret (HS256)');
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) {
    return refuse('must be signed with HS256 (other algorithms and "none" are refused)');
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return refuse(`is missing the required "${err.claim}" claim`);
    if (err.claim === 'nbf') return refuse('is not valid yet ("nbf" is in the future)');
    return refuse(`has an invalid "${err.claim}" claim`);
  }
  return refuse('is malformed: expected a compact JWT (header.payload.signature)');
}

/**
 * Verifies an identity token against the workspace identity secret. Throws
 * `ParleyError('invalid_user_hash')` saying why when the token is refused.
 */
export async function verifyIdentityToken(secret: string, token: string, now: Date = new Date()): Promise<IdentityTokenClaims> {
  if (!secret) throw refuse('cannot be checked: the workspace has no identity secret');
  if (typeof token !== 'string' || !token || token.length > IDENTITY_TOKEN_MAX_LENGTH) {
    throw refuse(`is malformed: expected a compact JWT of at most ${IDENTITY_TOKEN_MAX_LENGTH} characters`);
  }
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: IDENTITY_TOKEN_CLOCK_SKEW_SEC,
      currentDate: now,
    }));
  } catch (err) {
    throw explain(err);
  }

  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`has an invalid "${issue?.path.join('.') || 'claims'}" claim: ${issue?.message ?? 'invalid'}`);
  }
  const claims = parsed.data;
  const nowSec = Math.floor(now.getTime() / 1000);
  if (claims.iat !== undefined && claims.iat > nowSec + IDENTITY_TOKEN_CLOCK_SKEW_SEC) {
    throw refuse('is not valid yet ("iat" is in the future)');
  }
  if (claims.iat !== undefined && claims.exp - claims.iat > IDENTITY_TOKEN_MAX_LIFETIME_SEC) {
    throw refuse('lives too long: exp - iat must be at most 24 h (1 h or less is recommended)');
  }
  if (claims.exp - nowSec > IDENTITY_TOKEN_MAX_LIFETIME_SEC + IDENTITY_TOKEN_CLOCK_SKEW_SEC) {
    throw refuse('lives too long: exp must be at most 24 h from now (1 h or less is recommended)');
  }

  return {
    userId: claims.sub,
    ...(claims.traits !== undefined ? { traits: claims.traits } : {}),
    ...(claims.name !== undefined ? { name: claims.name } : {}),
    ...(claims.email !== undefined ? { email: claims.email } : {}),
  };
}
