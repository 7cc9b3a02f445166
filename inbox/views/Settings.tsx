/**
 * Workspace settings (`#/settings`): what the messenger looks like and who may
 * use it, with a live preview and the install snippet. Admins edit; other
 * agents see the same page read-only (the server refuses their changes anyway).
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { UpdateSettingsRequest, WorkspaceSettings } from '../../protocol/index.js';
import { expandHexColor, isHexColor, SETTINGS_LIMITS } from '../../protocol/workspace-settings.js';
import type { InboxApi } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import {
  avatarRowAt,
  changedFields,
  describeValidationError,
  draftFrom,
  type FieldError,
  originsFromText,
  type SettingsDraft,
  type SettingsField,
} from '../state/settings-form.js';
import { InstallSnippet } from './InstallSnippet.js';
import { QuietPagesField } from './QuietPagesField.js';
import { SettingsPreview } from './SettingsPreview.js';
import { TeamAvatarsField } from './TeamAvatarsField.js';
import '../styles/settings.css';

export interface SettingsProps {
  api: Pick<InboxApi, 'getSettings' | 'updateSettings'>;
  /** Admins only; everyone else gets the page read-only. */
  canEdit: boolean;
}

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; saved: WorkspaceSettings };

const ERROR_ID = 'settings-error';

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

export function Settings({ api, canEdit }: SettingsProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    api.getSettings().then(
      (saved) => live && setLoaded({ status: 'ready', saved }),
      (error: unknown) => live && setLoaded({ status: 'failed', message: messageOf(error, 'Could not load the settings.') }),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  return (
    <main class="settings" aria-labelledby="settings-title">
      <div class="settings__inner">
        <h1 id="settings-title" class="settings__title">
          Settings
        </h1>
        {loaded.status === 'loading' && <p role="status">Loading settings…</p>}
        {loaded.status === 'failed' && (
          <div class="settings__load-error">
            <p role="alert">{loaded.message}</p>
            <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
              Retry
            </button>
          </div>
        )}
        {loaded.status === 'ready' && (
          <SettingsForm api={api} canEdit={canEdit} saved={loaded.saved} onSaved={(saved) => setLoaded({ status: 'ready', saved })} />
        )}
      </div>
    </main>
  );
}

interface SettingsFormProps extends SettingsProps {
  saved: WorkspaceSettings;
  onSaved(saved: WorkspaceSettings): void;
}

function SettingsForm({ api, canEdit, saved, onSaved }: SettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(saved));
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<(FieldError & { avatarKey?: number }) | null>(null);

  const patch = changedFields(saved, draft);
  const dirty = Object.keys(patch).length > 0;

  function edit<K extends SettingsField>(field: K, value: SettingsDraft[K]): void {
    setDraft((d) => ({ ...d, [field]: value }));
    setNotice('');
  }

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving || !canEdit) return;
    if (!dirty) {
      setNotice('No changes to save.');
      return;
    }
    const sent: UpdateSettingsRequest = patch;
    setSaving(true);
    setError(null);
    setNotice('');
    try {
      const result = await api.updateSettings(sent);
      setDraft(draftFrom(result));
      onSaved(result);
      setNotice('Settings saved.');
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'validation_failed') {
        const described = describeValidationError(failure.message, sent);
        const avatarKey = described.field === 'teamAvatars' && described.index !== undefined ? avatarRowAt(draft, described.index)?.key : undefined;
        setError({ ...described, avatarKey });
      } else {
        setError({ field: null, text: messageOf(failure, 'Could not save the settings.') });
      }
    } finally {
      setSaving(false);
    }
  }

  /** aria-invalid + aria-describedby for the field the server refused. */
  const invalid = (field: SettingsField) =>
    error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': ERROR_ID } : {};
  const originsCount = originsFromText(draft.allowedOrigins).length;
  const offset = Number(draft.launcherOffset);

  return (
    <div class="settings__layout">
      <form class="settings__form" onSubmit={submit} aria-labelledby="settings-title">
        {!canEdit && (
          <p class="settings__readonly" id="settings-readonly">
            Only admins can change these settings.
          </p>
        )}
        {/* A disabled fieldset disables every control inside it, so the read-only view needs no per-field logic. */}
        <fieldset class="settings__fields" disabled={!canEdit} aria-describedby={canEdit ? undefined : 'settings-readonly'}>
          <legend class="visually-hidden">Messenger settings</legend>
          <section class="settings__section" aria-labelledby="settings-look-title">
            <h2 id="settings-look-title" class="settings__section-title">
              Look
            </h2>
            <div class="field">
              <label class="field__label" for="settings-name">
                Workspace name
              </label>
              <input
                id="settings-name"
                class="input"
                type="text"
                required
                maxLength={SETTINGS_LIMITS.name}
                value={draft.name}
                onInput={(e) => edit('name', e.currentTarget.value)}
                {...invalid('name')}
              />
            </div>
            <div class="field">
              <label class="field__label" for="settings-greeting">
                Greeting
              </label>
              <textarea
                id="settings-greeting"
                class="input settings__textarea"
                rows={2}
                maxLength={SETTINGS_LIMITS.greeting}
                value={draft.greeting}
                onInput={(e) => edit('greeting', e.currentTarget.value)}
                aria-describedby={error?.field === 'greeting' ? ERROR_ID : 'settings-greeting-hint'}
                aria-invalid={error?.field === 'greeting' || undefined}
              />
              <p class="settings__hint" id="settings-greeting-hint">
                Shown under the name at the top of the messenger. {draft.greeting.length}/{SETTINGS_LIMITS.greeting}
              </p>
            </div>
            <div class="field">
              <label class="field__label" for="settings-color">
                Brand colour
              </label>
              <div class="settings__row">
                <input
                  id="settings-color"
                  class="settings__color"
                  type="color"
                  value={isHexColor(draft.color) ? expandHexColor(draft.color) : expandHexColor(saved.color)}
                  onInput={(e) => edit('color', e.currentTarget.value)}
                />
                <input
                  class="input settings__hex"
                  type="text"
                  aria-label="Brand colour hex code"
                  spellcheck={false}
                  autocomplete="off"
                  maxLength={7}
                  value={draft.color}
                  onInput={(e) => edit('color', e.currentTarget.value)}
                  {...invalid('color')}
                />
              </div>
            </div>
            <fieldset class="settings__fieldset">
              <legend class="field__label">Launcher position</legend>
              <div class="settings__row">
                {(['left', 'right'] as const).map((side) => (
                  <label key={side} class="settings__choice">
                    <input
                      type="radio"
                      name="launcher-position"
                      value={side}
                      checked={draft.launcherPosition === side}
                      onChange={() => edit('launcherPosition', side)}
                    />
                    {side === 'left' ? 'Left' : 'Right'}
                  </label>
                ))}
              </div>
            </fieldset>
            <div class="field">
              <label class="field__label" for="settings-offset">
                Launcher offset
              </label>
              <input
                id="settings-offset"
                class="input settings__number"
                type="number"
                inputMode="numeric"
                min={0}
                max={SETTINGS_LIMITS.launcherOffset}
                step={1}
                required
                value={draft.launcherOffset}
                onInput={(e) => edit('launcherOffset', e.currentTarget.value)}
                aria-describedby={error?.field === 'launcherOffset' ? ERROR_ID : 'settings-offset-hint'}
                aria-invalid={error?.field === 'launcherOffset' || undefined}
              />
              <p class="settings__hint" id="settings-offset-hint">
                Pixels between the launcher and the side of the page (0–{SETTINGS_LIMITS.launcherOffset}). Small screens always use 16.
              </p>
            </div>
            <TeamAvatarsField
              rows={draft.teamAvatars}
              onChange={(rows) => edit('teamAvatars', rows)}
              invalid={error?.avatarKey !== undefined ? { key: error.avatarKey, part: error.part } : null}
              errorId={ERROR_ID}
            />
          </section>

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

          <section class="settings__section" aria-labelledby="settings-inapp-title">
            <h2 id="settings-inapp-title" class="settings__section-title">
              In-app messages
            </h2>
            <QuietPagesField
              value={draft.quietPages}
              onChange={(value) => edit('quietPages', value)}
              errorId={error?.field === 'quietPages' ? ERROR_ID : null}
            />
          </section>
        </fieldset>

        {error && (
          <p class="settings__error" id={ERROR_ID} role="alert">
            {error.text}
          </p>
        )}
        <div class="settings__actions">
          {/* Not disabled while saving or when unchanged: a button that disables itself drops keyboard focus. */}
          <button type="submit" class="button button--primary" disabled={!canEdit} aria-busy={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          {/* Always in the DOM: a live region added together with its text is often not announced. */}
          <p class="settings__saved" role="status">
            {notice}
          </p>
        </div>
      </form>

      <aside class="settings__aside" aria-label="Preview and install">
        <SettingsPreview
          name={draft.name}
          greeting={draft.greeting}
          color={draft.color}
          fallbackColor={saved.color}
          position={draft.launcherPosition}
          offset={offset}
          avatars={draft.teamAvatars}
        />
        <InstallSnippet snippet={saved.snippet} />
      </aside>
    </div>
  );
}
