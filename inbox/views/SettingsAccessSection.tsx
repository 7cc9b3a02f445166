/** The "Access" section of the settings: which sites may load the messenger, and who must say who they are. */
import { SETTINGS_LIMITS } from '../../protocol/workspace-settings.js';
import { originsFromText } from '../state/settings-form.js';
import { SETTINGS_ERROR_ID as ERROR_ID, type SettingsSectionProps } from './settings-section.js';

export function SettingsAccessSection({ draft, edit, error }: SettingsSectionProps) {
  const originsCount = originsFromText(draft.allowedOrigins).length;
  return (
    <section class="settings__section" aria-labelledby="settings-security-title">
      <h2 id="settings-security-title" class="settings__section-title">
        Access
      </h2>
      <div class="field">
        <label class="field__label" for="settings-origins">
          Allowed origins
        </label>
        <textarea
          id="settings-origins"
          class="input settings__textarea settings__mono"
          rows={4}
          spellcheck={false}
          autocomplete="off"
          value={draft.allowedOrigins}
          onInput={(e) => edit('allowedOrigins', e.currentTarget.value)}
          aria-describedby={error?.field === 'allowedOrigins' ? `${ERROR_ID} settings-origins-hint` : 'settings-origins-hint'}
          aria-invalid={error?.field === 'allowedOrigins' || undefined}
        />
        <p class="settings__hint" id="settings-origins-hint">
          The sites that may load the messenger, one per line: <code>https://app.example.com</code>, <code>http://localhost:*</code>,{' '}
          <code>https://*.example.com</code>. Up to {SETTINGS_LIMITS.allowedOrigins}.
        </p>
        {originsCount === 0 && (
          <p class="settings__warning">With no origins listed, any website can load your messenger.</p>
        )}
      </div>
      <label class="settings__choice">
        <input
          type="checkbox"
          checked={draft.identityVerification}
          onChange={(e) => edit('identityVerification', e.currentTarget.checked)}
          aria-describedby="settings-verification-hint"
        />
        Require identity verification
      </label>
      <p class="settings__hint settings__hint--indented" id="settings-verification-hint">
        Identified users must send a <code>userHash</code> (HMAC-SHA256 of their id with your identity secret); without it they stay
        anonymous.
      </p>
      <label class="settings__choice">
        <input type="checkbox" checked={draft.requireEmail} onChange={(e) => edit('requireEmail', e.currentTarget.checked)} />
        Ask anonymous visitors for their email
      </label>
    </section>
  );
}
