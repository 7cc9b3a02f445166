/**
 * "Delivery" of the message, survey and tour editors: when it shows (trigger), how
 * often one contact gets it, then anything the editor adds (a message's goal),
 * its schedule and priority. Ids start with `idPrefix`, so two editors never
 * share one.
 */
import type { ComponentChildren } from 'preact';
import { TRIGGER_KINDS, type TriggerKind } from '../../../protocol/index.js';
import type { DeliveryDraft, DeliveryField, FrequencyMode } from '../../state/delivery-draft.js';
import type { FieldErrors } from '../../state/form-issues.js';
import { controlProps, Field, FieldError } from './Field.js';

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

export interface DeliveryFieldsProps {
  /** "message": ids such as `message-trigger`, and the section's heading id. */
  idPrefix: string;
  /** "message", "survey", "tour": in the hints. */
  noun: string;
  draft: DeliveryDraft;
  edit<K extends DeliveryField>(field: K, value: DeliveryDraft[K]): void;
  errors: FieldErrors<DeliveryField>;
  /** The frequency choices offered (only messages have a goal to send until). */
  frequencyModes?: readonly FrequencyMode[];
  /** Between the frequency and the schedule (the message's goal). */
  children?: ComponentChildren;
}

export function DeliveryFields({ idPrefix, noun, draft, edit, errors, frequencyModes = ['once', 'repeat'], children }: DeliveryFieldsProps) {
  const id = (part: string) => `${idPrefix}-${part}`;
  const repeats = draft.frequencyMode !== 'once';
  return (
    <section class="settings__section" aria-labelledby={id('delivery-title')}>
      <h2 id={id('delivery-title')} class="settings__section-title">
        Delivery
      </h2>
      <div class="editor-row">
        <Field id={id('trigger')} label="Show" error={errors.triggerOn}>
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
          <Field id={id('trigger-page')} label="Page" error={errors.triggerPage} hint="A URL pattern such as /billing/*.">
            {(aria) => <input {...aria} class="input settings__mono" type="text" spellcheck={false} placeholder="/billing/*" value={draft.triggerPage} onInput={(e) => edit('triggerPage', e.currentTarget.value)} />}
          </Field>
        )}
        {draft.triggerOn === 'event' && (
          <Field id={id('trigger-event')} label="Event" error={errors.triggerEvent} hint="Tracked with Messenger.track().">
            {(aria) => <input {...aria} class="input" type="text" spellcheck={false} placeholder="checkout_started" value={draft.triggerEvent} onInput={(e) => edit('triggerEvent', e.currentTarget.value)} />}
          </Field>
        )}
        {draft.triggerOn === 'time_on_page' && (
          <Field id={id('trigger-seconds')} label="Seconds on page" error={errors.triggerSeconds}>
            {(aria) => <input {...aria} class="input settings__number" type="number" min={0} step={1} value={draft.triggerSeconds} onInput={(e) => edit('triggerSeconds', e.currentTarget.value)} />}
          </Field>
        )}
      </div>

      <fieldset class="settings__fieldset" aria-describedby={id('frequency-hint')}>
        <legend class="field__label">Frequency</legend>
        <p class="settings__hint" id={id('frequency-hint')}>
          How often one contact may get this {noun}.
        </p>
        <div class="settings__row">
          {frequencyModes.map((mode) => (
            <label key={mode} class="settings__choice">
              <input type="radio" name={id('frequency')} value={mode} checked={draft.frequencyMode === mode} onChange={() => edit('frequencyMode', mode)} />
              {FREQUENCY_LABELS[mode]}
            </label>
          ))}
        </div>
        {repeats && (
          <div class="settings__row editor-inline">
            <span>Up to</span>
            <input
              {...controlProps(id('max'), errors.maxPerContact, false)}
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
              {...controlProps(id('every'), errors.everyDays, false)}
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
        <FieldError id={id('max-error')} text={errors.maxPerContact} />
        <FieldError id={id('every-error')} text={errors.everyDays} />
      </fieldset>

      {children}

      <div class="editor-row">
        <Field id={id('start')} label="Start" error={errors.startAt} hint="Optional, in your time zone.">
          {(aria) => <input {...aria} class="input" type="datetime-local" value={draft.startAt} onInput={(e) => edit('startAt', e.currentTarget.value)} />}
        </Field>
        <Field id={id('end')} label="End" error={errors.endAt} hint="Optional.">
          {(aria) => <input {...aria} class="input" type="datetime-local" value={draft.endAt} onInput={(e) => edit('endAt', e.currentTarget.value)} />}
        </Field>
        <Field id={id('priority')} label="Priority" error={errors.priority} hint="0–100; higher wins when several match.">
          {(aria) => <input {...aria} class="input settings__number" type="number" min={0} max={100} step={1} value={draft.priority} onInput={(e) => edit('priority', e.currentTarget.value)} />}
        </Field>
      </div>
    </section>
  );
}
