import { ParleyError } from './errors.js';

/**
 * Keyset cursors for list endpoints: an opaque encoding of the last row's sort
 * key and id, so pages stay stable while new rows arrive.
 */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    /* reported below */
  }
  throw new ParleyError('bad_request', 'invalid cursor');
}
