/**
 * Admin-side authentication: `Authorization: Bearer <api token>` (its scopes
 * checked against the route: token-scope.ts) or the agent's httpOnly session
 * cookie. Cookie callers must also be same-origin and, for
 * anything that changes state, send the session's CSRF token in `X-CSRF-Token`.
 *
 * @example router.use(adminAuth({ domain, publicUrl }))
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { type AdminPrincipal, type Domain, ParleyError } from '../../domain/index.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { isSameOrigin } from './same-origin.js';
import { assertTokenScope, bearerOf } from './token-scope.js';

export interface AdminAuthOptions {
  domain: Domain;
  publicUrl: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function adminAuth({ domain, publicUrl }: AdminAuthOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const bearer = bearerOf(req.headers.authorization);
      if (bearer !== undefined) {
        const token = await domain.apiTokens.authenticate(bearer);
        if (!token) {
          res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
          throw new ParleyError('unauthorized', 'invalid or revoked API token');
        }
        assertTokenScope(token.scopes, req);
        setPrincipal(res, { workspaceId: token.workspaceId, agent: null, via: 'token', token: { id: token.id, scopes: token.scopes } });
        return next();
      }
      const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
      const session = cookie ? await domain.agents.session(cookie) : null;
      if (!session) throw new ParleyError('unauthorized', 'log in first');
      if (!SAFE_METHODS.has(req.method)) {
        if (!isSameOrigin(req, publicUrl)) throw new ParleyError('origin_not_allowed', 'cross-origin request refused');
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw new ParleyError('csrf_failed', 'missing or wrong X-CSRF-Token');
      }
      setPrincipal(res, { workspaceId: session.agent.workspace_id, agent: session.agent, via: 'session' });
      next();
    } catch (err) {
      next(err);
    }
  };
}

function setPrincipal(res: Response, principal: AdminPrincipal): void {
  res.locals.principal = principal;
}

export function principalOf(res: Response): AdminPrincipal {
  const p = res.locals.principal as AdminPrincipal | undefined;
  if (!p) throw new ParleyError('unauthorized', 'not authenticated');
  return p;
}

export { readCookie, SESSION_COOKIE } from './cookies.js';
export { isSameOrigin } from './same-origin.js';
export { apiAreaOf, bearerOf } from './token-scope.js';
