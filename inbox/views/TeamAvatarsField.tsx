/** "Team avatars": rows of name + image URL, added and removed by the admin (at most SETTINGS_LIMITS.teamAvatars). */
import { useEffect, useRef } from 'preact/hooks';
import { SETTINGS_LIMITS } from '../../protocol/workspace-settings.js';
import { avatarRow, type AvatarRow } from '../state/settings-form.js';

export interface TeamAvatarsFieldProps {
  rows: AvatarRow[];
  onChange(rows: AvatarRow[]): void;
  /** The row (by key) and part the server refused, if any. */
  invalid: { key: number; part?: string } | null;
  /** Id of the error message, for aria-describedby on the invalid input. */
  errorId: string;
}

export function TeamAvatarsField({ rows, onChange, invalid, errorId }: TeamAvatarsFieldProps) {
  const addRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Focus moves after the render that changes the rows: to a new row's name, or to "Add teammate" after a removal.
  const pendingFocus = useRef<number | 'add' | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if (target === 'add') addRef.current?.focus();
    else listRef.current?.querySelector<HTMLInputElement>(`#avatar-name-${target}`)?.focus();
  });

  const update = (key: number, change: Partial<AvatarRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const full = rows.length >= SETTINGS_LIMITS.teamAvatars;
  const isInvalid = (row: AvatarRow, part: string) => invalid?.key === row.key && (invalid.part === undefined || invalid.part === part);

  return (
    <fieldset class="settings__field settings__fieldset" aria-describedby="settings-avatars-hint">
      <legend class="field__label">Team avatars</legend>
      <p class="settings__hint" id="settings-avatars-hint">
        Faces shown at the top of the messenger: up to {SETTINGS_LIMITS.teamAvatars}, the first 3 are shown. Image URLs must start with https://.
      </p>
      {rows.length > 0 && (
        <ul class="avatar-rows" ref={listRef}>
          {rows.map((row, i) => (
            <li key={row.key} class="avatar-row">
              <div class="field">
                <label class="field__label field__label--small" for={`avatar-name-${row.key}`}>
                  Name<span class="visually-hidden"> of teammate {i + 1}</span>
                </label>
                <input
                  id={`avatar-name-${row.key}`}
                  class="input"
                  type="text"
                  maxLength={SETTINGS_LIMITS.avatarName}
                  required
                  value={row.name}
                  aria-invalid={isInvalid(row, 'name') || undefined}
                  aria-describedby={isInvalid(row, 'name') ? errorId : undefined}
                  onInput={(e) => update(row.key, { name: e.currentTarget.value })}
                />
              </div>
              <div class="field avatar-row__url">
                <label class="field__label field__label--small" for={`avatar-url-${row.key}`}>
                  Image URL<span class="visually-hidden"> of teammate {i + 1}</span>
                </label>
                <input
                  id={`avatar-url-${row.key}`}
                  class="input"
                  type="url"
                  inputMode="url"
                  placeholder="https://…"
                  maxLength={SETTINGS_LIMITS.avatarUrl}
                  required
                  value={row.url}
                  aria-invalid={isInvalid(row, 'url') || undefined}
                  aria-describedby={isInvalid(row, 'url') ? errorId : undefined}
                  onInput={(e) => update(row.key, { url: e.currentTarget.value })}
                />
              </div>
              <button
                type="button"
                class="button button--ghost avatar-row__remove"
                onClick={() => {
                  pendingFocus.current = 'add';
                  onChange(rows.filter((r) => r.key !== row.key));
                }}
              >
                Remove<span class="visually-hidden"> teammate {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <button
          type="button"
          class="button"
          ref={addRef}
          disabled={full}
          onClick={() => {
            const row = avatarRow();
            pendingFocus.current = row.key;
            onChange([...rows, row]);
          }}
        >
          Add teammate
        </button>
      </div>
    </fieldset>
  );
}
