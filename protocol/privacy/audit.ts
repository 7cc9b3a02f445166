/**
 * The audit log's entries (`GET /api/v1/audit-log`): who read or changed
 * personal data or the workspace's configuration, what, and when. Entries are
 * written by the server only and never changed.
 */

export const AUDIT_ACTIONS = [
  'contact.exported',
  'contact.erased',
  'contact.updated',
  /** A verified visitor downloaded their own data from the messenger. */
  'contact.self_exported',
  'settings.updated',
  'api_token.created',
  'api_token.revoked',
  /** The retention job deleted or redacted data past its window (counts by kind). */
  'retention.applied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActorType = 'agent' | 'api_token' | 'visitor' | 'system';

export interface AuditActor {
  type: AuditActorType;
  /** Agent, API token or contact id; null for the system. */
  id: string | null;
  /** The agent's or token's name when it acted (kept if it is renamed or removed later). */
  name: string | null;
}

export interface AuditTarget {
  type: 'contact' | 'workspace' | 'api_token';
  id: string;
}

/** Ids, field names, counts and formats only: never the personal data itself. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  target: AuditTarget | null;
  details: AuditDetails;
}
