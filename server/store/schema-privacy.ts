/**
 * Row types of the privacy tables (migration 016): the audit log. Same
 * conventions as schema.ts (ISO text times, JSON as text). The privacy
 * columns of workspaces, contacts and conversations are on their rows in schema.ts.
 */

/** One entry of the audit log: append-only (triggers refuse UPDATE and DELETE). */
export interface AuditLogRow {
  id: string;
  workspace_id: string;
  at: string;
  actor_type: 'agent' | 'api_token' | 'visitor' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON object of ids, field names and counts: never personal data. */
  details: string;
}

export interface PrivacyTables {
  audit_log: AuditLogRow;
}
