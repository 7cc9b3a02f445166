/**
 * The S3 file store against a tiny S3 written here: it keeps objects in
 * memory and refuses any request whose SigV4 signature (recomputed here,
 * independently of sigv4.ts) or body hash doesn't match. Then the whole
 * server with S3_* set: a visitor's upload lands in that bucket, not on disk.
 */
import { createHash, createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../protocol/index.js';
import { bootVisitor, startTestServer } from '../../test-support/test-server.js';
import { MissingFileError } from './file-store.js';
import { s3FileStore } from './s3.js';

const KEY_ID = 'PARLEYTESTKEY';
const SECRET = 'parley/test+secret';
const REGION = 'eu-test-1';

interface FakeS3 {
  url: string;
  objects: Map<string, Buffer>;
  refused: string[];
  close(): Promise<void>;
}

const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const mac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Recomputes the request's SigV4 signature from what arrived on the wire; returns why it is wrong, or null. */
function verify(req: IncomingMessage, body: Buffer): string | null {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(
    req.headers.authorization ?? '',
  );
  if (!m) return 'malformed authorization';
  const [, keyId, date, region, signed, signature] = m;
  if (keyId !== KEY_ID || region !== REGION) return 'unknown key or region';
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date)) return 'date mismatch';
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!(Math.abs(Date.now() - at) < 15 * 60_000)) return 'request too old';
  const bodyHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (bodyHash !== hex(body)) return 'body hash mismatch';
  const names = signed.split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date']) if (!names.includes(required)) return `${required} not signed`;
  const [path, query = ''] = (req.url ?? '/').split('?');
  const canonical = [
    req.method,
    path,
    query,
    names.map((n) => `${n}:${String(req.headers[n] ?? '').trim()}\n`).join(''),
    signed,
    bodyHash,
  ].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, `${date}/${region}/s3/aws4_request`, hex(canonical)].join('\n');
  const key = mac(mac(mac(mac(`AWS4${SECRET}`, date), region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex') === signature ? null : 'signature mismatch';
}

async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const refused: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const problem = verify(req, body);
    if (problem) {
      refused.push(problem);
      res.writeHead(403, { 'Content-Type': 'application/xml' }).end(`<Error><Code>SignatureDoesNotMatch</Code><Message>${problem}</Message></Error>`);
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'PUT') {
      objects.set(path, body);
      res.writeHead(200, { ETag: `"${hex(body).slice(0, 32)}"` }).end();
    } else if (req.method === 'GET') {
      const found = objects.get(path);
      if (!found) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      else res.writeHead(200, { 'Content-Length': String(found.length) }).end(found);
    } else if (req.method === 'DELETE') {
      objects.delete(path);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(() => s3.close());

describe('s3FileStore', () => {
  it('puts, reads and removes objects with signed requests', async () => {
    const store = s3FileStore({ endpoint: s3.url, bucket: 'parley-files', region: REGION, accessKeyId: KEY_ID, secretAccessKey: SECRET });
    const key = await store.put(Buffer.from('hello, bucket'));
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(s3.objects.get(`/parley-files/${key}`)?.toString()).toBe('hello, bucket');
    expect(await text(await store.read(key))).toBe('hello, bucket');
    await store.remove(key);
    expect(s3.objects.has(`/parley-files/${key}`)).toBe(false);
    await expect(store.read(key)).rejects.toThrow(MissingFileError);
    expect(s3.refused).toEqual([]);
  });

  it('is refused with the wrong secret', async () => {
    const store = s3FileStore({ endpoint: s3.url, bucket: 'parley-files', region: REGION, accessKeyId: KEY_ID, secretAccessKey: 'wrong' });
    await expect(store.put(Buffer.from('x'))).rejects.toThrow(/HTTP 403/);
    expect(s3.refused.pop()).toBe('signature mismatch');
  });

  it('refuses keys it did not make', async () => {
    const store = s3FileStore({ endpoint: s3.url, bucket: 'b', region: REGION, accessKeyId: KEY_ID, secretAccessKey: SECRET });
    await expect(store.read('../other-bucket/secret')).rejects.toThrow('invalid storage key');
  });
});

describe('the server with S3_* set', () => {
  it('stores uploads in the bucket and serves them from there', async () => {
    const server = await startTestServer({
      S3_ENDPOINT: s3.url,
      S3_BUCKET: 'uploads',
      S3_REGION: REGION,
      S3_ACCESS_KEY_ID: KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET,
    });
    try {
      const visitor = await bootVisitor(server.url);
      const res = await fetch(`${server.url}/api/v1/widget/uploads?name=notes.txt`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${visitor.token}`, Origin: server.url },
        body: 'stored in S3\n',
      });
      expect(res.status).toBe(201);
      const attachment = (await res.json()) as Attachment;
      expect([...s3.objects.entries()].find(([path]) => path.startsWith('/uploads/'))?.[1].toString()).toBe('stored in S3\n');
      expect(existsSync(join(server.dir, 'uploads'))).toBe(false);
      const download = await fetch(server.url + attachment.url);
      expect(download.status).toBe(200);
      expect(await download.text()).toBe('stored in S3\n');
      expect(s3.refused).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
