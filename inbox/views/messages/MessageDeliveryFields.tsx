/** "Delivery" of the message editor: when it shows (trigger), how often, its goal, its schedule and priority. */
import { TRIGGER_KINDS, type TriggerKind } from '../../../protocol/index.js';
import type { FrequencyMode } from '../../state/message-draft.js';
import { controlProps, Field, FieldError } from '../content/Field.js';
import type { MessageFieldsProps } from './MessageContentFields.js';

const TRIGGER_LABELS: Record<TriggerKind, string> = {
  immediate: 'As soon as the contact qualifies',
  page: 'On a page',
  event: 'When an event happens',
  time_on_page: 'After some time on a page',
};

const FREQUENCY_LABELS: Record<FrequencyMode, string> = {
  once: 'Once',
  repeat: 'Up to N times',
  until_goal: 'Until the goal is reached',
};

export function MessageDeliveryFields({ draft, edit, errors }: MessageFieldsProps) {
  const repeats = draft.frequencyMode !== 'once';
  return (
    <section class="settings__section" aria-labelledby="message-delivery-title">
      <h2 id="message-delivery-title" class="settings__section-title">
        Delivery
      </h2>
      <div class="editor-row">
        <Field id="message-trigger" label="Show" error={errors.triggerOn}>
          {(aria) => (
            <select {...aria} class="select" value={draft.triggerOn} onChange={(e) => edit('triggerOn', e.currentTarget.value as TriggerKind)}>
              {TRIGGER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {TRIGGER_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.triggerOn === 'page' && (
          <Field id="message-trigger-page" label="Page" error={errors.triggerPage} hint="A URL pattern such as /billing/*.">
            {(aria) => <input {...aria} class="input settings__mono" type="text" spellcheck={false} placeholder="/billing/*" value={draft.triggerPage} onInput={(e) => edit('triggerPage', e.currentTarget.value)} />}
          </Field>
        )}
        {draft.triggerOn === 'event' && (
          <Field id="message-trigger-event" label="Event" error={errors.triggerEvent} hint="Tracked with Messenger.track().">
            {(aria) => <input {...aria} class="input" type="text" spellcheck={false} placeholder="checkout_started" value={draft.triggerEvent} onInput={(e) => edit('triggerEvent', e.currentTarget.value)} />}
          </Field>
        )}
        {draft.triggerOn === 'time_on_page' && (
          <Field id="message-trigger-seconds" label="Seconds on page" error={errors.triggerSeconds}>
            {(aria) => <input {...aria} class="input settings__number" type="number" min={0} step={1} value={draft.triggerSeconds} onInput={(e) => edit('triggerSeconds', e.currentTarget.value)} />}
          </Field>
        )}
      </div>

      <fieldset class="settings__fieldset" aria-describedby="message-frequency-hint">
        <legend class="field__label">Frequency</legend>
        <p class="settings__hint" id="message-frequency-hint">
          How often one contact may get this message.
        </p>
        <div class="settings__row">
          {(Object.keys(FREQUENCY_LABELS) as FrequencyMode[]).map((mode) => (
            <label key={mode} class="settings__choice">
              <input type="radio" name="message-frequency" value={mode} checked={draft.frequencyMode === mode} onChange={() => edit('frequencyMode', mode)} />
              {FREQUENCY_LABELS[mode]}
            </label>
          ))}
        </div>
        {repeats && (
          <div class="settings__row editor-inline">
            <span>Up to</span>
            <input
              {...controlProps('message-max', errors.maxPerContact, false)}
              class="input settings__number"
              type="number"
              min={1}
              step={1}
              aria-label="Times per contact"
              value={draft.maxPerContact}
              onInput={(e) => edit('maxPerContact', e.currentTarget.value)}
            />
            <span>times, every</span>
            <input
              {...controlProps('message-every', errors.everyDays, false)}
              class="input settings__number"
              type="number"
              min={0}
              step="any"
              aria-label="Days between sends"
              value={draft.everyDays}
              onInput={(e) => edit('everyDays', e.currentTarget.value)}
            />
            <span>days</span>
          </div>
        )}
        <FieldError id="message-max-error" text={errors.maxPerContact} />
        <FieldError id="message-every-error" text={errors.everyDays} />
      </fieldset>

      <div class="editor-row">
        <Field id="message-goal-event" label="Goal event" error={errors.goalEvent} hint="Optional: the event that means it worked, such as upgraded.">
          {(aria) => <input {...aria} class="input" type="text" spellcheck={false} value={draft.goalEvent} onInput={(e) => edit('goalEvent', e.currentTarget.value)} />}
        </Field>
        <Field id="message-goal-days" label="Goal within days" error={errors.goalWithinDays}>
          {(aria) => (
            <input
              {...aria}
              class="input settings__number"
              type="number"
              min={1}
              max={365}
              step={1}
              disabled={draft.goalEvent.trim() === ''}
              value={draft.goalWithinDays}
              onInput={(e) => edit('goalWithinDays', e.currentTarget.value)}
            />
          )}
        </Field>
      </div>

      <div class="editor-row">
        <Field id="message-start" label="Start" error={errors.startAt} hint="Optional, in your time zone.">
          {(aria) => <input {...aria} class="input" type="datetime-local" value={draft.startAt} onInput={(e) => edit('startAt', e.currentTarget.value)} />}
        </Field>
        <Field id="message-end" label="End" error={errors.endAt} hint="Optional.">
          {(aria) => <input {...aria} class="input" type="datetime-local" value={draft.endAt} onInput={(e) => edit('endAt', e.currentTarget.value)} />}
        </Field>
        <Field id="message-priority" label="Priority" error={errors.priority} hint="0–100; higher wins when several match.">
          {(aria) => <input {...aria} class="input settings__number" type="number" min={0} max={100} step={1} value={draft.priority} onInput={(e) => edit('priority', e.currentTarget.value)} />}
        </Field>
      </div>
    </section>
  );
}
