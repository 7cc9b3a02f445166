/**
 * Workspace settings (`#/settings`): what the messenger looks like and who may
 * use it, with a live preview and the install snippet. Admins edit; other
 * agents see the same page read-only (the server refuses their changes anyway).
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { UpdateSettingsRequest, WorkspaceSettings } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import { avatarRowAt, changedFields, describeValidationError, draftFrom, type SettingsDraft, type SettingsField } from '../state/settings-form.js';
import { InstallSnippet } from './InstallSnippet.js';
import { QuietPagesField } from './QuietPagesField.js';
import { SETTINGS_ERROR_ID as ERROR_ID, type SettingsError } from './settings-section.js';
import { SettingsAccessSection } from './SettingsAccessSection.js';
import { SettingsLookSection } from './SettingsLookSection.js';
import { SettingsPreview } from './SettingsPreview.js';
import { SettingsNav } from './settings/SettingsNav.js';
import '../styles/settings.css';

export interface SettingsProps {
  api: Pick<InboxApi, 'getSettings' | 'updateSettings'>;
  /** Admins only; everyone else gets the page read-only. */
  canEdit: boolean;
}

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; saved: WorkspaceSettings };

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
        <SettingsNav current="messenger" />
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
  const [error, setError] = useState<SettingsError | null>(null);

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
          <SettingsLookSection draft={draft} edit={edit} error={error} savedColor={saved.color} />

          <SettingsAccessSection draft={draft} edit={edit} error={error} />

          <section class="settings__section" aria-labelledby="settings-inapp-title">
            <h2 id="settings-inapp-title" class="settings__section-title">
              In-app messages
            </h2>
            <QuietPagesField
              value={draft.quietPages}
              onChange={(value) => edit('quietPages', value)}
              errorId={error?.field === 'quietPages' ? ERROR_ID : null}
            />
            <div class="field">
              <label class="field__label" for="settings-survey-recontact">
                Survey recontact days
              </label>
              <input
                id="settings-survey-recontact"
                class="input settings__number"
                type="number"
                min={0}
                max={365}
                step={1}
                value={draft.surveyRecontactDays}
                onInput={(e) => edit('surveyRecontactDays', e.currentTarget.value)}
                aria-describedby={error?.field === 'surveyRecontactDays' ? `${ERROR_ID} settings-survey-recontact-hint` : 'settings-survey-recontact-hint'}
                aria-invalid={error?.field === 'surveyRecontactDays' ? true : undefined}
              />
              <p class="settings__hint" id="settings-survey-recontact-hint">
                Survey a contact at most once every N days, across all surveys (0–365; 0: no limit).
              </p>
            </div>
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
