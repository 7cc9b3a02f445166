/**
 * Uploads in S3-compatible object storage, path-style
 * (`<endpoint>/<bucket>/<key>`, which AWS, MinIO, Ceph and R2 all accept).
 * Every request is signed with SigV4; the body's hash is signed too, so the
 * storage refuses a file altered on the way.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type FileStore, MissingFileError, isStorageKey, newStorageKey } from './file-store.js';
import { EMPTY_SHA256, type S3Credentials, sha256Hex, signV4, uriEncode } from './sigv4.js';

export interface S3Options extends S3Credentials {
  /** e.g. https://s3.eu-west-1.amazonaws.com, http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
}

export function s3FileStore(opts: S3Options): FileStore {
  const base = opts.endpoint.replace(/\/+$/, '');
  const urlOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error('invalid storage key');
    return new URL(`${base}/${uriEncode(opts.bucket)}/${key}`);
  };
  const send = async (method: string, key: string, body?: Uint8Array) => {
    const url = urlOf(key);
    const headers = signV4({
      method,
      url,
      headers: body ? { 'content-type': 'application/octet-stream' } : {},
      payloadHash: body ? sha256Hex(body) : EMPTY_SHA256,
      credentials: opts,
      region: opts.region,
    });
    delete headers.host; // fetch sets it (the same value)
    return fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined, redirect: 'error' });
  };
  const fail = async (what: string, res: Response) => {
    await res.body?.cancel();
    return new Error(`S3 ${what} failed: HTTP ${res.status}`);
  };

  return {
    async put(bytes) {
      const key = newStorageKey();
      const res = await send('PUT', key, bytes);
      if (!res.ok) throw await fail('PUT', res);
      await res.body?.cancel();
      return key;
    },
    async read(key) {
      const res = await send('GET', key);
      if (res.status === 404) throw (await res.body?.cancel(), new MissingFileError(key));
      if (!res.ok || !res.body) throw await fail('GET', res);
      return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
    },
    async remove(key) {
      const res = await send('DELETE', key);
      if (!res.ok && res.status !== 404) throw await fail('DELETE', res);
      await res.body?.cancel();
    },
  };
}
