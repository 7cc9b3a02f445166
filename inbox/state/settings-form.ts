/**
 * The settings form's model, free of DOM and network: the editable draft made
 * from the server's settings, the PATCH body of what changed, and the server's
 * validation message turned into words an admin recognises.
 */
import type { LauncherPosition, UpdateSettingsRequest, WorkspaceSettings } from '../../protocol/index.js';

export interface AvatarRow {
  /** Stable across edits, so removing row 2 doesn't move focus or text into row 3. */
  key: number;
  name: string;
  url: string;
}

export interface SettingsDraft {
  name: string;
  greeting: string;
  color: string;
  launcherPosition: LauncherPosition;
  /** As typed; a number only when sent. */
  launcherOffset: string;
  teamAvatars: AvatarRow[];
  /** One origin per line. */
  allowedOrigins: string;
  identityVerification: boolean;
  requireEmail: boolean;
  /** URL globs where no in-app message shows, one per line. */
  quietPages: string;
  /** Survey a contact at most once every N days, across all surveys; as typed. */
  surveyRecontactDays: string;
}

export type SettingsField = keyof SettingsDraft;

let lastKey = 0;
export function avatarRow(name = '', url = ''): AvatarRow {
  lastKey += 1;
  return { key: lastKey, name, url };
}

export function draftFrom(settings: WorkspaceSettings): SettingsDraft {
  return {
    name: settings.name,
    greeting: settings.greeting,
    color: settings.color,
    launcherPosition: settings.launcherPosition,
    launcherOffset: String(settings.launcherOffset),
    teamAvatars: settings.teamAvatars.map((a) => avatarRow(a.name, a.url)),
    allowedOrigins: settings.allowedOrigins.join('\n'),
    identityVerification: settings.identityVerification,
    requireEmail: settings.requireEmail,
    quietPages: settings.quietPages.join('\n'),
    surveyRecontactDays: String(settings.surveyRecontactDays),
  };
}

/** A list typed one entry per line: trimmed, blank lines dropped. */
export function linesFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export const originsFromText = linesFromText;

/** A number when the text is one; otherwise NaN, so the server names the problem. */
function numberValue(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * The settings this form edits. The rest (business hours, SLA policy, away
 * message, reassign on offline, team service levels) are carried by the saved
 * settings untouched and never sent from here.
 */
export type EditedSettings = Required<Pick<UpdateSettingsRequest, SettingsField>>;

/** Every editable field of the draft, in the request's shape. */
export function toRequest(draft: SettingsDraft): EditedSettings {
  return {
    name: draft.name,
    greeting: draft.greeting,
    color: draft.color.trim(),
    launcherPosition: draft.launcherPosition,
    launcherOffset: numberValue(draft.launcherOffset),
    // Completely empty rows are ignored rather than refused.
    teamAvatars: draft.teamAvatars
      .filter((a) => a.name.trim() !== '' || a.url.trim() !== '')
      .map((a) => ({ name: a.name, url: a.url })),
    allowedOrigins: originsFromText(draft.allowedOrigins),
    identityVerification: draft.identityVerification,
    requireEmail: draft.requireEmail,
    quietPages: linesFromText(draft.quietPages),
    surveyRecontactDays: numberValue(draft.surveyRecontactDays),
  };
}

/**
 * Only what differs from the saved settings: a PATCH that leaves alone what
 * this admin didn't touch (another admin may have changed it meanwhile).
 */
export function changedFields(saved: WorkspaceSettings, draft: SettingsDraft): UpdateSettingsRequest {
  const wanted = toRequest(draft);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    const before = saved[key as keyof WorkspaceSettings];
    if (JSON.stringify(value) !== JSON.stringify(before)) patch[key] = value;
  }
  return patch as UpdateSettingsRequest;
}

const LABELS: Record<SettingsField, string> = {
  name: 'Workspace name',
  greeting: 'Greeting',
  color: 'Brand colour',
  launcherPosition: 'Launcher position',
  launcherOffset: 'Launcher offset',
  teamAvatars: 'Team avatars',
  allowedOrigins: 'Allowed origins',
  identityVerification: 'Require identity verification',
  requireEmail: 'Ask anonymous visitors for their email',
  quietPages: 'Quiet pages',
  surveyRecontactDays: 'Survey recontact days',
};

/**
 * "teamAvatars.0.url: must be an http(s) URL" (the server's `validation_failed`
 * message) → the field to mark invalid and "Team avatars, teammate 1, image URL: must be…".
 */
export interface FieldError {
  field: SettingsField | null;
  /** For list fields: which entry (0-based, in the request) and which part of it ("url", "name"). */
  index?: number;
  part?: string;
  text: string;
}

export function describeValidationError(message: string, sent: UpdateSettingsRequest): FieldError {
  const match = /^([A-Za-z]+)((?:\.[A-Za-z0-9_]+)*): (.*)$/s.exec(message);
  if (!match || !(match[1] in LABELS)) return { field: null, text: message };
  const field = match[1] as SettingsField;
  const [rawIndex, part] = match[2].split('.').slice(1);
  const index = rawIndex !== undefined && /^\d+$/.test(rawIndex) ? Number(rawIndex) : undefined;
  let where = LABELS[field];
  if (field === 'teamAvatars' && index !== undefined) {
    where += `, teammate ${index + 1}`;
    if (part === 'url') where += ', image URL';
    if (part === 'name') where += ', name';
  } else if ((field === 'allowedOrigins' || field === 'quietPages') && index !== undefined) {
    const entry = sent[field]?.[index];
    if (entry !== undefined) where += ` (“${entry}”)`;
  }
  return { field, index, part, text: `${where}: ${match[3]}` };
}

/** The draft row behind entry `index` of the request (completely empty rows are not sent). */
export function avatarRowAt(draft: SettingsDraft, index: number): AvatarRow | undefined {
  return draft.teamAvatars.filter((a) => a.name.trim() !== '' || a.url.trim() !== '')[index];
}
