/** The API token part of the fake InboxApi: every call fails unless the test provides it. */
import type { ApiTokenApi } from '../api/api-token-endpoints.js';

export function unexpectedApiTokenApi(unexpected: () => Promise<never>): ApiTokenApi {
  return {
    listApiTokens: unexpected,
    createApiToken: unexpected,
    revokeApiToken: unexpected,
  };
}
