/**
 * `allowRequest`: the Origin check for the WebSocket handshake itself, which CORS
 * does not guard. Widget connections name their appId in the query and must come
 * from that workspace's allowlist; everything else (the inbox) must be same-origin.
 */
import type { IncomingMessage } from 'node:http';
import type { Domain } from '../domain/index.js';
import { isOriginAllowed } from '../domain/index.js';
import { isSameOrigin } from '../http/auth/index.js';

export function originGate(domain: Domain, publicUrl: string) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    const appId = new URL(req.url ?? '/', 'http://x').searchParams.get('appId');
    if (!appId) {
      callback(null, isSameOrigin(req, publicUrl));
      return;
    }
    domain.workspaces.byAppId(appId).then(
      (ws) => callback(null, isOriginAllowed(ws.allowedOrigins, req.headers.origin)),
      () => callback(null, false),
    );
  };
}
