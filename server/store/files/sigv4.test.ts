import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, sha256Hex, signV4, uriEncode } from './sigv4.js';

/** The example credentials of AWS's documentation. */
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('signV4', () => {
  it("matches AWS's published example (GET Object with a Range header)", () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, "Example: GET Object"
    const headers = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
      credentials,
      region: 'us-east-1',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
    expect(headers.host).toBe('examplebucket.s3.amazonaws.com');
  });

  it('signs the body hash, so another body (or another key) gives another signature', () => {
    const base = { method: 'PUT', url: new URL('http://127.0.0.1:9000/bucket/ab/cd'), headers: {}, credentials, region: 'us-east-1', now: new Date(0) };
    const a = signV4({ ...base, payloadHash: sha256Hex('one') }).authorization;
    const b = signV4({ ...base, payloadHash: sha256Hex('two') }).authorization;
    const c = signV4({ ...base, payloadHash: sha256Hex('one'), credentials: { ...credentials, secretAccessKey: 'other' } }).authorization;
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('encodes like RFC 3986', () => {
    expect(uriEncode("a b/c$d!'()*~._-")).toBe('a%20b%2Fc%24d%21%27%28%29%2A~._-');
  });
});
