/**
 * What an API token may do, checked for every admin route: the area (first
 * path segment under `/api/v1`) and the method decide the scopes that allow a
 * request (protocol/api-tokens/scopes.ts); lacking all of them is a 403 that
 * names them.
 *
 * @example assertTokenScope(token.scopes, req) // inside adminAuth
 */
import type { Request } from 'express';
import { type ApiTokenScope, scopesAllowing } from '../../../protocol/index.js';
import { ParleyError } from '../../domain/index.js';

/** `/api/v1/conversations/c1/messages` → `conversations`; works wherever the middleware is mounted. */
export function apiAreaOf(req: Pick<Request, 'baseUrl' | 'path'>): string {
  const path = `${req.baseUrl}${req.path}`.replace(/^\/api\/v1(?=\/|$)/, '');
  return path.split('/').find((segment) => segment.length > 0) ?? '';
}

export function assertTokenScope(granted: readonly ApiTokenScope[], req: Pick<Request, 'baseUrl' | 'path' | 'method'>): void {
  const allowing = scopesAllowing(req.method, apiAreaOf(req));
  if (allowing.some((scope) => granted.includes(scope))) return;
  const names = allowing.map((s) => `"${s}"`).join(' or ');
  throw new ParleyError('forbidden', `this API token lacks the ${names} scope needed for ${req.method} /api/v1/${apiAreaOf(req)}`);
}

/** The value of `Authorization: Bearer <value>` (the scheme in any case), '' when empty; undefined without a bearer. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^bearer(?:\s+(.*))?$/is.exec(header ?? '');
  return match ? (match[1] ?? '').trim() : undefined;
}
