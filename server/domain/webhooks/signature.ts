/**
 * Signing a delivery, Stripe-style: `Parley-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>`. The timestamp is inside the MAC, so
 * a receiver that checks it within a tolerance window also refuses a replay.
 * Receivers verify with examples/webhooks/verify.mjs (docs/webhooks.md).
 *
 * @example headers['Parley-Signature'] = signatureHeader(secret, body, Math.floor(Date.now() / 1000))
 */
import { createHmac, randomBytes } from 'node:crypto';

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** A new signing secret: `whsec_` and 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
