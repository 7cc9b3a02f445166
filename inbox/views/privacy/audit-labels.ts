/** How the audit log's actions, actors and targets read in the inbox. */
import type { AuditAction, AuditEntry } from '../../../protocol/privacy/audit.js';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'contact.exported': 'Contact exported',
  'contact.erased': 'Contact erased',
  'contact.updated': 'Contact edited',
  'contact.self_exported': 'Contact downloaded their data',
  'settings.updated': 'Settings changed',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'retention.applied': 'Retention applied',
};

export function actorLabel(actor: AuditEntry['actor']): string {
  if (actor.type === 'agent') return actor.name ?? `Agent ${actor.id ?? ''}`.trim();
  if (actor.type === 'api_token') return `API token ${actor.name ?? actor.id ?? ''}`.trim();
  if (actor.type === 'visitor') return 'The contact';
  return 'Parley (automatic)';
}

/** "fields: name, email" / "format: csv": ids, field names and counts only (the log never holds the data). */
export function detailsLabel(details: AuditEntry['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key.replace(/_/g, ' ')}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}
