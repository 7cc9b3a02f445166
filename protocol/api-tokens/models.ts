/**
 * API tokens on the wire (`/api/v1/api-tokens`). The secret value is shown
 * once, in the answer to the create; afterwards only `prefix`, a few
 * non-secret characters, tells tokens apart. Snake_case like the other REST
 * resources; clients must ignore keys they do not know.
 */
import type { ApiTokenScope } from './scopes.js';

/** Who created a token: an agent, another token, or nobody (BOOTSTRAP_TOKEN). */
export interface ApiTokenCreator {
  type: 'agent' | 'api_token';
  id: string;
  name: string;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  /** The token's first characters (`pk_AbCd`): enough to recognise it, never enough to use it. */
  prefix: string;
  created_by: ApiTokenCreator | null;
  created_at: string;
  /** Updated at most once a minute; null until first used. */
  last_used_at: string | null;
  /** Set once revoked: the token answers 401 from then on. */
  revoked_at: string | null;
}

/** `POST /api/v1/api-tokens`: the token and, this once, its value. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}
