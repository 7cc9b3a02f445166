// Verifying a Parley webhook in Node.js — node:crypto only, no dependency.
//
// Every delivery carries `Parley-Signature: t=<unix seconds>,v1=<hex>` where
//   v1 = hex(HMAC-SHA256(yourWebhookSecret, `${t}.${rawBody}`))
// Check it against the RAW request body (the exact bytes, before any JSON
// parsing), compare in constant time, and refuse timestamps outside a
// tolerance window so a captured request cannot be replayed later.
// Deliveries are retried: use `Parley-Event-Id` (= the body's `id`) to ignore
// an event you have already handled.
//
// Usage as a module:
//   import { verifyParleySignature } from './verify.mjs';
//   const ok = verifyParleySignature(rawBody, req.headers['parley-signature'], process.env.PARLEY_WEBHOOK_SECRET);
//
// Or run it: node examples/webhooks/verify.mjs <port> <secret>   (a receiver that logs verified events)
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/** Five minutes either way, like Stripe's default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** `t=…,v1=…[,v1=…]` → { t, signatures }; null when malformed. */
export function parseSignatureHeader(header) {
  if (typeof header !== 'string' || header.length > 1000) return null;
  let t = null;
  const signatures = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value ?? '')) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')) signatures.push(value);
  }
  return t === null || signatures.length === 0 ? null : { t, signatures };
}

/**
 * True when `header` is a valid signature of `rawBody` (string or Buffer) with `secret`, made within
 * `toleranceSeconds` of `nowSeconds`. During a secret rotation, call it with the old and the new secret.
 */
export function verifyParleySignature(rawBody, header, secret, { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, nowSeconds = Math.floor(Date.now() / 1000) } = {}) {
  const parsed = parseSignatureHeader(header);
  if (!parsed || !secret) return false;
  if (Math.abs(nowSeconds - parsed.t) > toleranceSeconds) return false;
  const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(String(rawBody), 'utf8');
  const expected = createHmac('sha256', secret).update(`${parsed.t}.`).update(body).digest();
  return parsed.signatures.some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

if (process.argv[1]?.endsWith('verify.mjs')) {
  const [port, secret] = process.argv.slice(2);
  if (!port || !secret) {
    console.error('usage: node verify.mjs <port> <webhookSecret>');
    process.exit(2);
  }
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verifyParleySignature(raw, req.headers['parley-signature'], secret)) {
        res.writeHead(400).end('bad signature');
        return;
      }
      const event = JSON.parse(raw.toString('utf8'));
      console.log(`${event.type} ${event.id}`);
      res.writeHead(204).end();
    });
  }).listen(Number(port), () => console.log(`listening on :${port}`));
}
