/**
 * The API token endpoints (docs/api.md "Authentication"): list, create (the
 * answer carries the value, shown once) and revoke. Part of `InboxApi`;
 * admins only on the server.
 */
import type { ApiToken, CreateApiTokenInput, CreatedApiToken, Page } from '../../protocol/index.js';
import type { HttpClient } from './http.js';

export interface ApiTokenApi {
  listApiTokens(): Promise<Page<ApiToken>>;
  /** The answer carries the token's value: show it once, keep it nowhere. */
  createApiToken(input: CreateApiTokenInput): Promise<CreatedApiToken>;
  /** The token answers 401 from then on; it stays listed as revoked. */
  revokeApiToken(id: string): Promise<void>;
}

export function createApiTokenApi(http: HttpClient): ApiTokenApi {
  return {
    listApiTokens: () => http.get('/api-tokens'),
    createApiToken: (input) => http.post('/api-tokens', input),
    revokeApiToken: (tokenId) => http.delete(`/api-tokens/${encodeURIComponent(tokenId)}`),
  };
}
