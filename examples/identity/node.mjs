// Parley identity verification from a Node.js backend — node:crypto only, no dependency.
//
// Usage:  node examples/identity/node.mjs <userId> <workspaceIdentitySecret>
//
// Prints the two proofs Parley accepts for a signed-in user:
//   userHash      = hex(HMAC-SHA256(secret, userId))            — never expires
//   identityToken = JWT, HS256, { sub: userId, iat, exp: +1 h } — expires; prefer it
// Compute them on your server and render them into the page for
// Messenger.boot({ appId, user: { identityToken } }) or Messenger.identify(userId, traits, { userHash }).
// Never ship the secret to the browser.
import { createHmac } from 'node:crypto';

export function userHash(secret, userId) {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

const b64url = (data) => Buffer.from(data).toString('base64url');

/** A compact HS256 JWT. `claims` may add traits, name, email. Keep lifetimes short (≤ 1 h). */
export function identityToken(secret, userId, claims = {}, lifetimeSec = 3600) {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ ...claims, sub: userId, iat: now, exp: now + lifetimeSec }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('node.mjs')) {
  const [userId, secret] = process.argv.slice(2);
  if (!userId || !secret) {
    console.error('usage: node node.mjs <userId> <workspaceIdentitySecret>');
    process.exit(2);
  }
  console.log(`userHash=${userHash(secret, userId)}`);
  console.log(`identityToken=${identityToken(secret, userId)}`);
}
