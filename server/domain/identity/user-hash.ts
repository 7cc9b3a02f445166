import { createHmac, timingSafeEqual } from 'node:crypto';

/** userHash = hex(HMAC-SHA256(workspace identity secret, userId)), as the host's backend computes it. */
export function computeUserHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/** Constant-time comparison, so the hash can't be guessed byte by byte from timings. */
export function isValidUserHash(secret: string, userId: string, userHash: string | undefined): boolean {
  if (!userHash) return false;
  const expected = Buffer.from(computeUserHash(secret, userId), 'utf8');
  const given = Buffer.from(userHash.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
