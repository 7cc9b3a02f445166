/**
 * The service levels page's model: SLA targets typed as minutes (empty =
 * none), the away message, and the PATCH of only what this page changed —
 * its own keys of the settings (`businessHours`, `slaPolicy`, `awayMessage`,
 * `teamServiceLevels`), never the messenger form's.
 */
import type { SlaPolicy, TeamServiceLevels, UpdateSettingsRequest, WorkspaceSettings } from '../../protocol/index.js';
import { SERVICE_LEVEL_LIMITS } from '../../protocol/inbox/service-levels.js';
import { hoursDraftFrom, hoursFromDraft, sameHours, type HoursDraft, type HoursErrors } from './business-hours-form.js';

export const SLA_FIELDS = ['first_response_minutes', 'next_response_minutes', 'resolution_minutes'] as const;
export type SlaField = (typeof SLA_FIELDS)[number];

export const SLA_FIELD_LABELS: Record<SlaField, string> = {
  first_response_minutes: 'First response',
  next_response_minutes: 'Next response',
  resolution_minutes: 'Resolution',
};

/** As typed; '' is no target. */
export type SlaDraft = Record<SlaField, string>;

export type SlaErrors = Partial<Record<SlaField, string>>;

/** What the visitor reads when the team is away and no message is set (the server's English default). */
export const DEFAULT_AWAY_MESSAGE = "Thanks for your message! We're away right now and back on {day} at {time} ({timezone}).";

export function slaDraftFrom(policy: SlaPolicy | null | undefined): SlaDraft {
  const text = (n: number | undefined) => (typeof n === 'number' ? String(n) : '');
  return {
    first_response_minutes: text(policy?.first_response_minutes),
    next_response_minutes: text(policy?.next_response_minutes),
    resolution_minutes: text(policy?.resolution_minutes),
  };
}

/** The policy of the typed minutes; null when every field is empty. */
export function slaPolicyFromDraft(draft: SlaDraft): { ok: true; value: SlaPolicy | null } | { ok: false; errors: SlaErrors } {
  const errors: SlaErrors = {};
  const policy: SlaPolicy = {};
  for (const field of SLA_FIELDS) {
    const text = draft[field].trim();
    if (text === '') continue;
    const minutes = Number(text);
    if (!/^\d+$/.test(text) || minutes < 1 || minutes > SERVICE_LEVEL_LIMITS.slaMinutes) {
      errors[field] = `Enter whole minutes from 1 to ${SERVICE_LEVEL_LIMITS.slaMinutes.toLocaleString('en')}, or leave it empty.`;
    } else policy[field] = minutes;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: Object.keys(policy).length > 0 ? policy : null };
}

function samePolicy(a: SlaPolicy | null | undefined, b: SlaPolicy | null | undefined): boolean {
  const norm = (p: SlaPolicy | null | undefined) => JSON.stringify(SLA_FIELDS.map((f) => p?.[f] ?? null));
  return norm(a) === norm(b);
}

export interface ServiceLevelsDraft {
  hours: HoursDraft;
  sla: SlaDraft;
  /** '' = the default message. */
  awayMessage: string;
}

export function serviceLevelsDraftFrom(settings: Pick<WorkspaceSettings, 'businessHours' | 'slaPolicy' | 'awayMessage'>, defaultZone: string): ServiceLevelsDraft {
  return { hours: hoursDraftFrom(settings.businessHours, defaultZone), sla: slaDraftFrom(settings.slaPolicy), awayMessage: settings.awayMessage ?? '' };
}

export interface ServiceLevelsErrors {
  hours?: HoursErrors;
  sla?: SlaErrors;
}

/** Only the keys whose value changed; an error per row or field when the draft can't be sent. */
export function serviceLevelsPatch(
  saved: Pick<WorkspaceSettings, 'businessHours' | 'slaPolicy' | 'awayMessage'>,
  draft: ServiceLevelsDraft,
): { ok: true; patch: UpdateSettingsRequest } | { ok: false; errors: ServiceLevelsErrors } {
  const hours = hoursFromDraft(draft.hours);
  const sla = slaPolicyFromDraft(draft.sla);
  if (!hours.ok || !sla.ok) return { ok: false, errors: { ...(hours.ok ? {} : { hours: hours.errors }), ...(sla.ok ? {} : { sla: sla.errors }) } };
  const patch: UpdateSettingsRequest = {};
  if (!sameHours(saved.businessHours, hours.value)) patch.businessHours = hours.value;
  if (!samePolicy(saved.slaPolicy, sla.value)) patch.slaPolicy = sla.value;
  const away = draft.awayMessage.trim() === '' ? null : draft.awayMessage.trim();
  if (away !== (saved.awayMessage ?? null)) patch.awayMessage = away;
  return { ok: true, patch };
}

/** A team's override as edited: its own hours (off = the workspace's) and its own targets (all empty = the workspace's). */
export interface TeamOverrideDraft {
  hours: HoursDraft;
  sla: SlaDraft;
}

export function teamOverrideDraftFrom(override: TeamServiceLevels | null | undefined, defaultZone: string): TeamOverrideDraft {
  return { hours: hoursDraftFrom(override?.businessHours ?? null, defaultZone), sla: slaDraftFrom(override?.slaPolicy ?? null) };
}

/** `{ teamServiceLevels: { [teamId]: override } }`, or `null` for the team when nothing of its own is left. */
export function teamOverridePatch(teamId: string, draft: TeamOverrideDraft): { ok: true; patch: UpdateSettingsRequest } | { ok: false; errors: ServiceLevelsErrors } {
  const hours = hoursFromDraft(draft.hours);
  const sla = slaPolicyFromDraft(draft.sla);
  if (!hours.ok || !sla.ok) return { ok: false, errors: { ...(hours.ok ? {} : { hours: hours.errors }), ...(sla.ok ? {} : { sla: sla.errors }) } };
  const override = hours.value === null && sla.value === null ? null : { businessHours: hours.value, slaPolicy: sla.value };
  return { ok: true, patch: { teamServiceLevels: { [teamId]: override } } };
}
