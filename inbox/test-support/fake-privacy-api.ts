/** The privacy part of the fake InboxApi: every call fails unless the test provides it. */
import type { PrivacyApi } from '../api/privacy-endpoints.js';

export function unexpectedPrivacyApi(unexpected: () => Promise<never>): PrivacyApi {
  return {
    contactExportUrl: (id, format) => `/api/v1/contacts/${encodeURIComponent(id)}/export${format === 'csv' ? '?format=csv' : ''}`,
    eraseContact: unexpected,
    listAuditLog: unexpected,
  };
}
