/**
 * Download links are capabilities: `/api/v1/attachments/<id>/<sig>` where sig
 * is an HMAC of the id with the server secret. They work in `<img src>` (no
 * headers, any origin), cannot be guessed from the id, and all of them stop
 * working when the server secret is rotated.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** 192 bits of the HMAC: unguessable, and short enough for a tidy URL. */
const SIGNATURE_LENGTH = 32;

export function signAttachmentId(secret: string, id: string): string {
  // A label keeps these MACs apart from anything else the same secret signs (visitor tokens).
  return createHmac('sha256', secret).update(`parley-attachment:${id}`).digest('base64url').slice(0, SIGNATURE_LENGTH);
}

export function verifyAttachmentSignature(secret: string, id: string, signature: string): boolean {
  if (signature.length !== SIGNATURE_LENGTH) return false;
  const expected = Buffer.from(signAttachmentId(secret, id));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function attachmentUrl(secret: string, id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}/${signAttachmentId(secret, id)}`;
}
