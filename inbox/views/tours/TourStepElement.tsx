/**
 * The element of a tooltip or spotlight step: its CSS selector, typed or
 * picked on the team's own site ("Pick on your site" asks for the page, then
 * waits for the click there), where the card sits beside it, how the step
 * advances, and what happens when the element doesn't appear in time.
 * Every control's name ends with "of step N" (visually hidden).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { TOUR_PLACEMENTS, type TourPlacement } from '../../../protocol/tours/models.js';
import type { StepPart } from '../../state/tour-input.js';
import { DEFAULT_WAIT_MS, PLACEMENT_LABELS, TOUR_FORM_LIMITS, type TourStepDraft } from '../../state/tour-draft.js';
import type { FieldErrors } from '../../state/form-issues.js';
import { Field, FieldError, labelOf } from '../content/Field.js';
import type { ElementPicker } from './use-element-picker.js';

export interface TourStepElementProps {
  step: TourStepDraft;
  n: number;
  errors: FieldErrors<StepPart>;
  /** The id of one of the step's controls. */
  controlId(part: string): string;
  set(change: Partial<TourStepDraft>): void;
  picker: ElementPicker;
}

export function TourStepElement({ step, n, errors, controlId: id, set, picker }: TourStepElementProps) {
  const of = (text: string) => labelOf(text, `step ${n}`);
  const { session } = picker;
  const asking = session.phase === 'asking' && session.key === step.key ? session : null;
  const waiting = session.phase === 'waiting' && session.key === step.key;
  // Into the page field when it opens; back to the button when it closes and took focus with it.
  const wasAsking = useRef(false);
  useLayoutEffect(() => {
    const isAsking = asking !== null;
    if (isAsking && !wasAsking.current) document.getElementById(id('picker-url'))?.focus();
    if (!isAsking && wasAsking.current && (document.activeElement === null || document.activeElement === document.body)) document.getElementById(id('pick'))?.focus();
    wasAsking.current = isAsking;
  }, [asking !== null]);

  return (
    <fieldset class="tour-step__element">
      <legend class="field__label">
        Element<span class="visually-hidden"> of step {n}</span>
      </legend>
      <div class="tour-step__selector">
        <Field id={id('selector')} label={of('CSS selector')} error={errors.selector} hint="The element the step points at, such as #save.">
          {(aria) => (
            <input
              {...aria}
              class="input settings__mono"
              type="text"
              spellcheck={false}
              autocomplete="off"
              maxLength={TOUR_FORM_LIMITS.selector}
              placeholder="#save"
              value={step.selector}
              onInput={(e) => set({ selector: e.currentTarget.value })}
            />
          )}
        </Field>
        <div class="settings__row">
          {waiting ? (
            <button type="button" id={id('pick')} class="button" onClick={picker.cancel}>
              Stop picking<span class="visually-hidden"> for step {n}</span>
            </button>
          ) : (
            <button type="button" id={id('pick')} class="button" aria-expanded={asking !== null} onClick={() => (asking ? picker.cancel() : picker.ask(step.key, step.page))}>
              Pick on your site<span class="visually-hidden"> for step {n}</span>
            </button>
          )}
        </div>
      </div>
      {asking && (
        <div class="tour-picker">
          <label class="field__label field__label--small" for={id('picker-url')}>
            Page to pick on<span class="visually-hidden"> for step {n}</span>
          </label>
          <div class="settings__row tour-picker__row">
            <input
              id={id('picker-url')}
              class="input settings__mono tour-picker__url"
              type="url"
              inputMode="url"
              spellcheck={false}
              maxLength={TOUR_FORM_LIMITS.url}
              placeholder="https://app.example.com/settings"
              value={asking.url}
              aria-describedby={asking.error ? `${id('picker-url')}-error ${id('picker-url')}-hint` : `${id('picker-url')}-hint`}
              {...(asking.error ? { 'aria-invalid': true as const } : {})}
              onInput={(e) => picker.setUrl(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Enter opens the page, not a save of the whole tour.
                if (e.key !== 'Enter') return;
                e.preventDefault();
                void picker.open();
              }}
            />
            <button type="button" class="button button--primary" aria-busy={asking.busy} onClick={() => void picker.open()}>
              Open page
            </button>
            <button type="button" class="button button--ghost" onClick={picker.cancel}>
              Cancel
            </button>
          </div>
          <p class="settings__hint" id={`${id('picker-url')}-hint`}>
            A page of your site (an allowed origin) where the element is. It opens in a new tab: click the element there.
          </p>
          <FieldError id={`${id('picker-url')}-error`} text={asking.error} />
        </div>
      )}
      {/* Always in the DOM: a live region added together with its text is often not announced. */}
      <p class="settings__hint tour-picker__status" role="status">
        {picker.statusOf(step.key)}
      </p>

      <div class="survey-row__fields">
        <Field id={id('placement')} label={of('Card placement')} error={errors.placement}>
          {(aria) => (
            <select {...aria} class="select" value={step.placement} onChange={(e) => set({ placement: e.currentTarget.value as TourPlacement })}>
              {TOUR_PLACEMENTS.map((p) => (
                <option key={p} value={p}>
                  {PLACEMENT_LABELS[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('advance')} label={of('Next step on')} error={errors.advance}>
          {(aria) => (
            <select {...aria} class="select" value={step.advance} onChange={(e) => set({ advance: e.currentTarget.value as TourStepDraft['advance'] })}>
              <option value="button">The Next button</option>
              <option value="click">A click on the element</option>
            </select>
          )}
        </Field>
        <Field id={id('wait')} label={of('Wait for the element (ms)')} error={errors.waitMs}>
          {(aria) => (
            <input
              {...aria}
              class="input settings__number"
              type="number"
              min={0}
              max={TOUR_FORM_LIMITS.waitMs}
              step={100}
              placeholder={String(DEFAULT_WAIT_MS)}
              value={step.waitMs}
              onInput={(e) => set({ waitMs: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id={id('missing')} label={of('If it never appears')} error={errors.ifMissing}>
          {(aria) => (
            <select {...aria} class="select" value={step.ifMissing} onChange={(e) => set({ ifMissing: e.currentTarget.value as TourStepDraft['ifMissing'] })}>
              <option value="end">End the tour</option>
              <option value="skip">Skip this step</option>
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
