/**
 * Settings → Privacy (docs/privacy.md): consent mode, the chat before consent,
 * the coarse country, the query parameters kept in page URLs, and how long each
 * kind of data is kept. Saved with a PATCH of only what changed; read-only for
 * agents who are not admins.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { WorkspaceSettings } from '../../../protocol/index.js';
import { PRIVACY_LIMITS, RETENTION_KINDS, type RetentionKind } from '../../../protocol/privacy/settings.js';
import type { InboxApi } from '../../api/endpoints.js';
import { type PrivacyDraft, type PrivacyErrors, privacyDraftFrom, privacyPatch } from '../../state/privacy-form.js';
import { errorText } from '../content/use-resource.js';

export interface PrivacyFormProps {
  api: Pick<InboxApi, 'updateSettings'>;
  saved: WorkspaceSettings;
  canEdit: boolean;
  onSaved(settings: WorkspaceSettings): void;
}

const RETENTION_LABELS: Record<RetentionKind, { label: string; hint: string }> = {
  events: { label: 'Events and page views', hint: 'Deleted once older than this.' },
  conversations: { label: 'Conversations (any status)', hint: 'Messages, notes and files deleted once the conversation has been quiet this long; the empty conversation stays in the reports.' },
  closedConversations: { label: 'Closed conversations', hint: 'Messages, notes and files deleted this long after the conversation was closed.' },
  uploads: { label: 'Uploaded files', hint: 'Files deleted this long after they were uploaded.' },
};

export function PrivacyForm({ api, saved, canEdit, onSaved }: PrivacyFormProps) {
  const [draft, setDraft] = useState<PrivacyDraft>(() => privacyDraftFrom(saved.privacy));
  const [errors, setErrors] = useState<PrivacyErrors>({});
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const edit = (change: Partial<PrivacyDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setNotice('');
  };
  const described = (id: string, field: keyof PrivacyErrors) => ({
    'aria-describedby': errors[field] ? `${id}-error ${id}-hint` : `${id}-hint`,
    'aria-invalid': errors[field] ? true : undefined,
  });

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving || !canEdit) return;
    const checked = privacyPatch(saved.privacy, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure('Fix the marked fields first.');
      return;
    }
    setErrors({});
    setFailure('');
    if (Object.keys(checked.patch).length === 0) {
      setNotice('No changes to save.');
      return;
    }
    setSaving(true);
    try {
      const result = await api.updateSettings({ privacy: checked.patch });
      onSaved(result);
      setDraft(privacyDraftFrom(result.privacy));
      setNotice('Privacy settings saved.');
    } catch (error) {
      setFailure(errorText(error, 'Could not save.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="settings__section privacy-form" aria-labelledby="privacy-title" onSubmit={submit} noValidate>
      <h2 id="privacy-title" class="settings__section-title">
        Privacy
      </h2>
      <fieldset class="settings__fields" disabled={!canEdit}>
        <legend class="visually-hidden">Privacy settings</legend>
        <label class="settings__choice">
          <input type="checkbox" checked={draft.requireConsent} onChange={(e) => edit({ requireConsent: e.currentTarget.checked })} aria-describedby="privacy-consent-hint" />
          Require consent
        </label>
        <p class="settings__hint settings__hint--indented" id="privacy-consent-hint">
          The messenger stores nothing in the browser and sends nothing until your page calls <code>Messenger.consent(true)</code> (from your cookie
          banner); <code>Messenger.consent(false)</code> deletes what it stored.
        </p>
        <label class="settings__choice">
          <input
            type="checkbox"
            checked={draft.chatBeforeConsent}
            disabled={!draft.requireConsent}
            onChange={(e) => edit({ chatBeforeConsent: e.currentTarget.checked })}
            aria-describedby="privacy-chat-hint"
          />
          Allow a support chat before consent
        </label>
        <p class="settings__hint settings__hint--indented" id="privacy-chat-hint">
          Visitors can still open the messenger and write; the chat is kept in memory only (gone on reload) and a notice says so. Nothing is
          tracked.
        </p>
        <label class="settings__choice">
          <input type="checkbox" checked={draft.storeCountry} onChange={(e) => edit({ storeCountry: e.currentTarget.checked })} aria-describedby="privacy-country-hint" />
          Keep the visitor’s country
        </label>
        <p class="settings__hint settings__hint--indented" id="privacy-country-hint">
          Two letters from the country header of the proxy in front of Parley (<code>COUNTRY_HEADER</code>). IP addresses are never stored.
          Switching this off deletes the countries kept.
        </p>
        <div class="field">
          <label class="field__label" for="privacy-params">
            Query parameters kept in page URLs
          </label>
          <textarea
            id="privacy-params"
            class="input settings__textarea settings__mono"
            rows={3}
            spellcheck={false}
            autocomplete="off"
            value={draft.queryParams}
            onInput={(e) => edit({ queryParams: e.currentTarget.value })}
            {...described('privacy-params', 'queryParams')}
          />
          {errors.queryParams && (
            <p class="field__error" id="privacy-params-error">
              {errors.queryParams}
            </p>
          )}
          <p class="settings__hint" id="privacy-params-hint">
            Page URLs are stored without their query string and fragment, except these parameters (one per line, e.g. <code>utm_source</code>). Up
            to {PRIVACY_LIMITS.queryParams}.
          </p>
        </div>
        <fieldset class="settings__fieldset">
          <legend>Keep data for (days; empty keeps it)</legend>
          {RETENTION_KINDS.map((kind) => (
            <div class="field" key={kind}>
              <label class="field__label" for={`privacy-retention-${kind}`}>
                {RETENTION_LABELS[kind].label}
              </label>
              <input
                id={`privacy-retention-${kind}`}
                class="input settings__number"
                type="number"
                min={1}
                max={PRIVACY_LIMITS.retentionDays}
                step={1}
                inputMode="numeric"
                value={draft.retention[kind]}
                onInput={(e) => edit({ retention: { ...draft.retention, [kind]: e.currentTarget.value } })}
                {...described(`privacy-retention-${kind}`, kind)}
              />
              {errors[kind] && (
                <p class="field__error" id={`privacy-retention-${kind}-error`}>
                  {errors[kind]}
                </p>
              )}
              <p class="settings__hint" id={`privacy-retention-${kind}-hint`}>
                {RETENTION_LABELS[kind].hint}
              </p>
            </div>
          ))}
        </fieldset>
      </fieldset>
      {failure && (
        <p class="settings__error" role="alert">
          {failure}
        </p>
      )}
      <div class="settings__actions">
        <button type="submit" class="button button--primary" disabled={!canEdit} aria-busy={saving}>
          {saving ? 'Saving…' : 'Save privacy settings'}
        </button>
        <p class="settings__saved" role="status">
          {notice}
        </p>
      </div>
    </form>
  );
}
