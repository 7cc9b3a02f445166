/**
 * API token scopes (docs/api.md "Scopes"): three grants, any of a token's
 * scopes may allow a request.
 * - `read`: every GET, except API tokens, webhooks and the audit log (they
 *   may hold secrets and contacts' data).
 * - `write`: every change outside the admin area (conversations, contacts,
 *   content, tags, notes, canned replies, views, uploads…).
 * - `admin`: the admin area — settings, teams, agents, assignment and
 *   automation rules, bots, webhooks, API tokens, the audit log — read and changed.
 *
 * Pure policy over (method, area) so the auth middleware, the OpenAPI
 * document and the inbox all say the same thing.
 */
export const API_TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_DESCRIPTIONS: Record<ApiTokenScope, string> = {
  read: 'Read everything (every GET), except API tokens, webhooks and the audit log.',
  write: 'Create, change and delete conversations, contacts, content, tags and the rest outside the admin area.',
  admin: 'Settings, teams, agents, assignment and automation rules, webhooks, API tokens and the audit log: read and change them.',
};

/** The first path segment under `/api/v1` of the workspace's configuration. */
export const ADMIN_AREAS = ['settings', 'teams', 'agents', 'assignment-rules', 'automation-rules', 'bots', 'webhooks', 'api-tokens', 'audit-log'] as const;

/** Admin areas that even reading needs `admin` for. */
export const ADMIN_ONLY_AREAS = ['webhooks', 'api-tokens', 'audit-log'] as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The scopes that allow `method` on `area` (the first path segment under
 * `/api/v1`, e.g. `conversations`): a token needs one of them.
 *
 * @example scopesAllowing('POST', 'conversations') // ['write']
 */
export function scopesAllowing(method: string, area: string): readonly ApiTokenScope[] {
  if ((ADMIN_ONLY_AREAS as readonly string[]).includes(area)) return ['admin'];
  const reading = SAFE_METHODS.has(method.toUpperCase());
  if ((ADMIN_AREAS as readonly string[]).includes(area)) return reading ? ['read', 'admin'] : ['admin'];
  return reading ? ['read'] : ['write'];
}

/** Whether a token with `granted` may call `method` on `area`. */
export function scopesAllow(granted: readonly ApiTokenScope[], method: string, area: string): boolean {
  return scopesAllowing(method, area).some((scope) => granted.includes(scope));
}
