import type { IncomingMessage } from 'node:http';

/**
 * Is this request from our own pages? Compares Origin with the Host the request
 * was sent to (and PUBLIC_URL, for proxies that rewrite Host). Used for cookie
 * sessions, where a cross-site request must never act as the agent.
 */
export function isSameOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (origin === new URL(publicUrl).origin) return true;
  const host = req.headers.host;
  if (!host) return false;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
  const scheme = forwarded || (encrypted ? 'https' : 'http');
  return origin === `${scheme}://${host}`;
}
