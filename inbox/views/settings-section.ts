/**
 * What each section of the settings form gets from the form: the draft, a
 * one-field edit, and the server's refusal, whose message (under the form,
 * with id SETTINGS_ERROR_ID) the refused field points to.
 */
import type { FieldError, SettingsDraft, SettingsField } from '../state/settings-form.js';

export const SETTINGS_ERROR_ID = 'settings-error';

/** `avatarKey`: the avatar row the server refused, found by its index in what was sent. */
export type SettingsError = FieldError & { avatarKey?: number };

export interface SettingsSectionProps {
  draft: SettingsDraft;
  edit<K extends SettingsField>(field: K, value: SettingsDraft[K]): void;
  error: SettingsError | null;
}

/** aria-invalid + aria-describedby for the field the server refused. */
export function invalidProps(error: SettingsError | null, field: SettingsField): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error?.field === field ? { 'aria-invalid': true, 'aria-describedby': SETTINGS_ERROR_ID } : {};
}
