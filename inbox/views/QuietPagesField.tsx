/** "Quiet pages": URL globs where the widget shows no in-app message, one per line (like the allowed origins). */
import { CONTENT_LIMITS } from '../../protocol/index.js';

export interface QuietPagesFieldProps {
  value: string;
  onChange(value: string): void;
  /** Set when the server refused this field: the id of its error message. */
  errorId: string | null;
}

export function QuietPagesField({ value, onChange, errorId }: QuietPagesFieldProps) {
  return (
    <div class="field">
      <label class="field__label" for="settings-quiet-pages">
        Quiet pages
      </label>
      <textarea
        id="settings-quiet-pages"
        class="input settings__textarea settings__mono"
        rows={3}
        spellcheck={false}
        autocomplete="off"
        placeholder="/checkout/*"
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        aria-describedby={errorId ? `${errorId} settings-quiet-pages-hint` : 'settings-quiet-pages-hint'}
        aria-invalid={errorId ? true : undefined}
      />
      <p class="settings__hint" id="settings-quiet-pages-hint">
        Pages where no in-app message is shown, one URL pattern per line: <code>/checkout/*</code>, <code>/settings/**</code>. Up to{' '}
        {CONTENT_LIMITS.quietPages}.
      </p>
    </div>
  );
}
