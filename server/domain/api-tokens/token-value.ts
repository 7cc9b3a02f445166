/**
 * API token values: `pk_` and 43 base64url characters (32 random bytes). The
 * fixed prefix lets secret scanners (and people) recognise a leaked token:
 * `/\bpk_[A-Za-z0-9_-]{43}\b/`. Only the sha256 of a value is stored; a
 * value is looked up by that hash, so no comparison ever runs on the secret.
 */
import { createHash } from 'node:crypto';
import { randomToken } from '../ids.js';

export const TOKEN_PREFIX = 'pk_';

/** Longer values are refused unhashed (BOOTSTRAP_TOKEN may be any string up to this). */
export const MAX_TOKEN_LENGTH = 256;

export function newTokenValue(): string {
  return `${TOKEN_PREFIX}${randomToken(32)}`;
}

export function hashTokenValue(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The first few characters, shown in lists to tell tokens apart: `pk_` and 4
 * random characters of a generated token (24 of its 256 bits), and never more
 * than a quarter of a chosen value.
 */
export function prefixOf(value: string): string {
  return value.slice(0, Math.min(TOKEN_PREFIX.length + 4, Math.floor(value.length / 4)));
}
