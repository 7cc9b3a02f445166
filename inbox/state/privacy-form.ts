/**
 * The privacy settings form's model: the saved `PrivacySettings` ↔ a draft of
 * text fields (query parameters one per line, retention windows as day counts,
 * empty = keep), checked the way the server checks them, and the PATCH of
 * only what changed.
 */
import type { PrivacySettingsPatch } from '../../protocol/privacy/settings-schema.js';
import { PRIVACY_LIMITS, type PrivacySettings, RETENTION_KINDS, type RetentionKind } from '../../protocol/privacy/settings.js';

export interface PrivacyDraft {
  requireConsent: boolean;
  chatBeforeConsent: boolean;
  storeCountry: boolean;
  /** One query parameter name per line. */
  queryParams: string;
  /** Days as typed; '' keeps that kind of data. */
  retention: Record<RetentionKind, string>;
}

export type PrivacyErrors = Partial<Record<'queryParams' | RetentionKind, string>>;

const PARAM = /^[\w.\-[\]]+$/;

export function privacyDraftFrom(saved: PrivacySettings): PrivacyDraft {
  const retention = {} as Record<RetentionKind, string>;
  for (const kind of RETENTION_KINDS) retention[kind] = saved.retention[kind] === null ? '' : String(saved.retention[kind]);
  return {
    requireConsent: saved.requireConsent,
    chatBeforeConsent: saved.chatBeforeConsent,
    storeCountry: saved.storeCountry,
    queryParams: saved.urlQueryAllowlist.join('\n'),
    retention,
  };
}

export function paramsFromText(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((p) => p.trim()).filter(Boolean))];
}

function days(text: string): number | null | 'bad' {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= PRIVACY_LIMITS.retentionDays ? n : 'bad';
}

/** The patch of what changed, or what is wrong with the draft. */
export function privacyPatch(saved: PrivacySettings, draft: PrivacyDraft): { ok: true; patch: PrivacySettingsPatch } | { ok: false; errors: PrivacyErrors } {
  const errors: PrivacyErrors = {};
  const params = paramsFromText(draft.queryParams);
  const bad = params.find((p) => !PARAM.test(p) || p.length > PRIVACY_LIMITS.queryParam);
  if (bad) errors.queryParams = `“${bad}” is not a query parameter name (letters, digits and _ . - [ ] only).`;
  else if (params.length > PRIVACY_LIMITS.queryParams) errors.queryParams = `At most ${PRIVACY_LIMITS.queryParams} parameters.`;
  const retention: Partial<Record<RetentionKind, number | null>> = {};
  for (const kind of RETENTION_KINDS) {
    const value = days(draft.retention[kind]);
    if (value === 'bad') errors[kind] = `A whole number of days from 1 to ${PRIVACY_LIMITS.retentionDays}, or empty to keep.`;
    else if (value !== saved.retention[kind]) retention[kind] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const patch: PrivacySettingsPatch = {};
  if (draft.requireConsent !== saved.requireConsent) patch.requireConsent = draft.requireConsent;
  if (draft.chatBeforeConsent !== saved.chatBeforeConsent) patch.chatBeforeConsent = draft.chatBeforeConsent;
  if (draft.storeCountry !== saved.storeCountry) patch.storeCountry = draft.storeCountry;
  if (params.join('\n') !== saved.urlQueryAllowlist.join('\n')) patch.urlQueryAllowlist = params;
  if (Object.keys(retention).length > 0) patch.retention = retention;
  return { ok: true, patch };
}
