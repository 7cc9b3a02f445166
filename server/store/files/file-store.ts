/**
 * Where the bytes of uploads live: one narrow interface, so the database keeps
 * only a key and the bytes can sit on local disk or in S3-compatible storage.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

export interface FileStore {
  /** Stores the bytes under a new key and returns it (only after they are durable). */
  put(bytes: Uint8Array): Promise<string>;
  /** Rejects when there is no such file. */
  read(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

/** `read` of a key that holds no file (as opposed to storage being unreachable). */
export class MissingFileError extends Error {
  constructor(key: string) {
    super(`no file under ${key}`);
    this.name = 'MissingFileError';
  }
}

/** Keys are ours ("ab/ab12…": 128 random bits, spread over 256 folders), never built from client input. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function newStorageKey(): string {
  const name = randomBytes(16).toString('hex');
  return `${name.slice(0, 2)}/${name}`;
}

export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}
