/** What Parley signs is what examples/webhooks/verify.mjs (the receivers' reference) accepts, and nothing else. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, verifyParleySignature } from '../../../examples/webhooks/verify.mjs';
import { newWebhookSecret, signatureHeader } from './signature.js';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"evt_1","type":"ping","data":{"text":"héllo"}}';
  const t = 1_700_000_000;

  it('is t=<seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>', () => {
    const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(secret, body, t)).toBe(`t=${t},v1=${mac}`);
    expect(parseSignatureHeader(signatureHeader(secret, body, t))).toEqual({ t, signatures: [mac] });
  });

  it('verifies with the example, from a string or the raw bytes', () => {
    const header = signatureHeader(secret, body, t);
    expect(verifyParleySignature(body, header, secret, { nowSeconds: t + 10 })).toBe(true);
    expect(verifyParleySignature(Buffer.from(body), header, secret, { nowSeconds: t - 10 })).toBe(true);
  });

  it('refuses another secret, a changed body, a stale or future timestamp and malformed headers', () => {
    const header = signatureHeader(secret, body, t);
    expect(verifyParleySignature(body, header, 'whsec_other', { nowSeconds: t })).toBe(false);
    expect(verifyParleySignature(body.replace('ping', 'pong'), header, secret, { nowSeconds: t })).toBe(false);
    expect(verifyParleySignature(body, header, secret, { nowSeconds: t + 301 })).toBe(false);
    expect(verifyParleySignature(body, header, secret, { nowSeconds: t - 301 })).toBe(false);
    expect(verifyParleySignature(body, header, secret, { nowSeconds: t + 600, toleranceSeconds: 900 })).toBe(true);
    // The timestamp is inside the MAC: moving it forward breaks the signature.
    expect(verifyParleySignature(body, header.replace(`t=${t}`, `t=${t + 100}`), secret, { nowSeconds: t + 100 })).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', `t=${t}`, `t=x,v1=${'0'.repeat(64)}`, ['a', 'b']]) {
      expect(verifyParleySignature(body, bad, secret, { nowSeconds: t })).toBe(false);
    }
  });

  it('accepts any of several v1 signatures (the header format allows more than one)', () => {
    const good = signatureHeader(secret, body, t).split(',')[1];
    expect(verifyParleySignature(body, `t=${t},v1=${'0'.repeat(64)},${good}`, secret, { nowSeconds: t })).toBe(true);
  });

  it('makes long, unguessable secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[\w-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
