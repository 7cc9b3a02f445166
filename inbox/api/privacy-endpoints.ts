/**
 * The privacy endpoints (docs/privacy.md): a contact's export (as download
 * links: a plain GET with the session cookie), the erase, and the audit log.
 * Part of `InboxApi`; kept apart like the content endpoints.
 */
import type { AuditAction, AuditEntry, Page } from '../../protocol/index.js';
import type { HttpClient } from './http.js';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogFilter {
  action?: AuditAction;
}

export interface PrivacyApi {
  /** Where the browser downloads everything held about a contact: JSON, or a zip of CSV files. */
  contactExportUrl(contactId: string, format: 'json' | 'csv'): string;
  /** Erases the contact and everything tied to it (admins only; 403 `forbidden` otherwise). */
  eraseContact(contactId: string): Promise<void>;
  /** Newest first (admins only). */
  listAuditLog(filter: AuditLogFilter, cursor?: string | null): Promise<Page<AuditEntry>>;
}

export function createPrivacyApi(http: HttpClient): PrivacyApi {
  const id = encodeURIComponent;
  return {
    contactExportUrl: (contactId, format) => `/api/v1/contacts/${id(contactId)}/export${format === 'csv' ? '?format=csv' : ''}`,
    eraseContact: (contactId) => http.delete(`/contacts/${id(contactId)}`),
    listAuditLog: (filter, cursor) => http.get('/audit-log', { query: { action: filter.action, limit: AUDIT_PAGE_SIZE, cursor } }),
  };
}
