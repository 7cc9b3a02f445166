/** What every content editor ends with: Draft/Live, then Save, Delete, the alert and the saved notice. */
import type { ComponentChildren } from 'preact';
import type { ContentStatus } from '../../../protocol/index.js';

export function StatusField({ name, value, onChange }: { name: string; value: ContentStatus; onChange(status: ContentStatus): void }) {
  return (
    // The box is a div around the fieldset: a fieldset's legend can't sit inside its own padded border.
    <div class="settings__section editor-status">
      <fieldset class="settings__fieldset" aria-describedby={`${name}-hint`}>
        <legend class="field__label">Status</legend>
        <div class="settings__row">
          {(['draft', 'live'] as const).map((status) => (
            <label key={status} class="settings__choice">
              <input type="radio" name={name} value={status} checked={value === status} onChange={() => onChange(status)} />
              {status === 'live' ? 'Live' : 'Draft'}
            </label>
          ))}
        </div>
        <p class="settings__hint" id={`${name}-hint`}>
          Only live content reaches contacts.
        </p>
      </fieldset>
    </div>
  );
}

export interface EditorActionsProps {
  saving: boolean;
  /** A refusal or failure; announced. */
  alert: string;
  /** "Message saved."; announced politely. */
  notice: string;
  /** Delete, on a saved item. */
  children?: ComponentChildren;
}

export function EditorActions({ saving, alert, notice, children }: EditorActionsProps) {
  return (
    <>
      {alert && (
        <p class="settings__error" role="alert">
          {alert}
        </p>
      )}
      <div class="settings__actions editor-actions">
        {/* Not disabled while saving: a button that disables itself drops keyboard focus. */}
        <button type="submit" class="button button--primary" aria-busy={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {/* Always in the DOM: a live region added together with its text is often not announced. */}
        <p class="settings__saved" role="status">
          {notice}
        </p>
        <div class="editor-actions__end">{children}</div>
      </div>
    </>
  );
}
