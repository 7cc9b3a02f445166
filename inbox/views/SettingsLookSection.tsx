/** The "Look" section of the settings: name, greeting, brand colour, launcher placement and team avatars. */
import { expandHexColor, isHexColor, SETTINGS_LIMITS } from '../../protocol/workspace-settings.js';
import { invalidProps, SETTINGS_ERROR_ID as ERROR_ID, type SettingsSectionProps } from './settings-section.js';
import { TeamAvatarsField } from './TeamAvatarsField.js';

/** `savedColor`: what the colour picker shows while the typed hex code is incomplete. */
export function SettingsLookSection({ draft, edit, error, savedColor }: SettingsSectionProps & { savedColor: string }) {
  return (
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
          {...invalidProps(error, 'name')}
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
            value={isHexColor(draft.color) ? expandHexColor(draft.color) : expandHexColor(savedColor)}
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
            {...invalidProps(error, 'color')}
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
  );
}
