/**
 * The workspace's privacy columns (migration 016) ↔ `PrivacySettings`. Written
 * from a validated patch (protocol/privacy/settings-schema.ts); reading guards
 * against a hand-edited row.
 */
import type { Updateable } from 'kysely';
import { DEFAULT_RETENTION, type PrivacySettings, type PrivacySettingsPatch, type RetentionKind } from '../../../protocol/index.js';
import type { WorkspaceRow } from '../../store/index.js';
import { parseJsonColumn } from '../json.js';

type RetentionColumn = 'retention_events_days' | 'retention_conversations_days' | 'retention_closed_days' | 'retention_uploads_days';

export const RETENTION_COLUMNS: Record<RetentionKind, RetentionColumn> = {
  events: 'retention_events_days',
  conversations: 'retention_conversations_days',
  closedConversations: 'retention_closed_days',
  uploads: 'retention_uploads_days',
};

const days = (value: unknown): number | null => {
  const n = Number(value);
  return value !== null && value !== undefined && Number.isInteger(n) && n > 0 ? n : null;
};

export function readPrivacy(row: WorkspaceRow): PrivacySettings {
  const allow = parseJsonColumn<unknown>(row.url_query_allowlist ?? '[]', []);
  const retention = { ...DEFAULT_RETENTION };
  for (const kind of Object.keys(RETENTION_COLUMNS) as RetentionKind[]) retention[kind] = days(row[RETENTION_COLUMNS[kind]]);
  return {
    requireConsent: Number(row.require_consent) === 1,
    chatBeforeConsent: Number(row.chat_before_consent ?? 0) === 1,
    storeCountry: Number(row.store_country ?? 1) === 1,
    urlQueryAllowlist: Array.isArray(allow) ? allow.filter((p): p is string => typeof p === 'string') : [],
    retention,
  };
}

/** The columns a validated `privacy` patch changes (absent fields stay as they are). */
export function privacyColumns(patch: PrivacySettingsPatch | undefined): Updateable<WorkspaceRow> {
  const set: Updateable<WorkspaceRow> = {};
  if (!patch) return set;
  if (patch.requireConsent !== undefined) set.require_consent = patch.requireConsent ? 1 : 0;
  if (patch.chatBeforeConsent !== undefined) set.chat_before_consent = patch.chatBeforeConsent ? 1 : 0;
  if (patch.storeCountry !== undefined) set.store_country = patch.storeCountry ? 1 : 0;
  if (patch.urlQueryAllowlist !== undefined) set.url_query_allowlist = JSON.stringify(patch.urlQueryAllowlist);
  for (const [kind, value] of Object.entries(patch.retention ?? {}) as Array<[RetentionKind, number | null | undefined]>) {
    if (value !== undefined) set[RETENTION_COLUMNS[kind]] = value;
  }
  return set;
}
