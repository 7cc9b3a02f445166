/**
 * How each operation is authenticated, in OpenAPI terms: an API token
 * (bearer; the requirement lists the scope that allows the operation, from
 * protocol/api-tokens/scopes.ts, the policy the auth middleware enforces), or
 * the inbox's cookie session (+ the CSRF header on changes), or the widget's
 * visitor token.
 */
import { API_TOKEN_SCOPE_DESCRIPTIONS, scopesAllowing } from '../../../protocol/index.js';
import type { RouteDoc } from './route-doc.js';

export const SECURITY_SCHEMES = {
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description: [
      '`Authorization: Bearer pk_…`: an API token, created in the inbox (Settings › API tokens) or with `POST /api-tokens`.',
      'Each operation lists the scope that allows it (any one listed requirement suffices):',
      ...Object.entries(API_TOKEN_SCOPE_DESCRIPTIONS).map(([scope, what]) => `- \`${scope}\`: ${what}`),
    ].join('\n'),
  },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: 'parley_session', description: 'The inbox’s session, set by `POST /auth/login` (same-origin requests only).' },
  csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'With the session cookie, on every change: the `csrfToken` of `/auth/login` or `/auth/me`.' },
  visitorToken: { type: 'http', scheme: 'bearer', description: 'The widget’s visitor token (`token` of `/widget/boot`).' },
} as const;

/** The first path segment under `/api/v1`, as the auth middleware sees it. */
export const areaOf = (path: string): string => path.split('/').find((s) => s.length > 0) ?? '';

export function securityOf(route: RouteDoc): Record<string, string[]>[] {
  switch (route.auth) {
    case 'public':
      return [];
    case 'visitor':
      return [{ visitorToken: [] }];
    case 'session':
      return [{ sessionCookie: [] }];
    case 'admin': {
      const method = route.method.toUpperCase();
      const tokens: Record<string, string[]>[] = scopesAllowing(method, areaOf(route.path)).map((scope) => ({ apiToken: [scope] }));
      const session: Record<string, string[]> = method === 'GET' ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] };
      return [...tokens, session];
    }
  }
}

/** `x-required-scopes`: the scopes of which a token needs one (admin routes). */
export function requiredScopes(route: RouteDoc): readonly string[] | undefined {
  return route.auth === 'admin' ? scopesAllowing(route.method.toUpperCase(), areaOf(route.path)) : undefined;
}
