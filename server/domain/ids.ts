import { randomBytes } from 'node:crypto';

/**
 * Unguessable ids (96 random bits) with a type prefix, e.g. `conv_3kT…`.
 * Access is still checked on every use; unguessable only adds depth.
 */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export const nowIso = (): string => new Date().toISOString();
