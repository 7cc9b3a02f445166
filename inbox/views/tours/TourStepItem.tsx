/**
 * One step of a tour: its kind, title, body (markdown), image and page; the
 * element of a tooltip or spotlight (`TourStepElement`); "Preview" (the
 * preview beside the form shows this step, as it does whenever focus comes
 * into the step); and move up / move down / remove. Every control's name
 * ends with "of step N" for screen readers (visually hidden).
 */
import { TOUR_STEP_KINDS, type TourStepKind } from '../../../protocol/tours/models.js';
import type { FieldErrors } from '../../state/form-issues.js';
import { isAnchored, STEP_KIND_LABELS, TOUR_FORM_LIMITS, type TourStepDraft } from '../../state/tour-draft.js';
import type { StepPart } from '../../state/tour-input.js';
import { Field, FieldError, labelOf } from '../content/Field.js';
import { ItemActions } from '../content/ItemActions.js';
import { TourStepElement } from './TourStepElement.js';
import type { ElementPicker } from './use-element-picker.js';

/** The id of a control of the step with `key` (`part`: "kind", "up", "selector", …). */
export function stepControlId(key: number, part: string): string {
  return `tour-step-${key}-${part}`;
}

export interface TourStepItemProps {
  step: TourStepDraft;
  index: number;
  count: number;
  errors: FieldErrors<StepPart> | undefined;
  /** The preview shows this step. */
  selected: boolean;
  picker: ElementPicker;
  /** A change of any field; the step is then also the one previewed. */
  onChange(step: TourStepDraft): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onSelect(): void;
}

export function TourStepItem({ step, index, count, errors = {}, selected, picker, onChange, onMove, onRemove, onSelect }: TourStepItemProps) {
  const n = index + 1;
  const id = (part: string) => stepControlId(step.key, part);
  const set = (change: Partial<TourStepDraft>) => onChange({ ...step, ...change });
  const of = (text: string) => labelOf(text, `step ${n}`);
  const invalid = Object.keys(errors).length > 0;
  const classes = ['tour-step', `tour-step--${step.kind}`, invalid ? 'tour-step--invalid' : '', selected ? 'tour-step--selected' : ''].filter(Boolean).join(' ');

  return (
    // Chosen by a press or an edit, not by focus alone: focus the preview hands back must not choose again.
    <li class={classes} onPointerDown={selected ? undefined : onSelect}>
      <fieldset class="tour-step__box">
        <legend class="tour-step__title">
          Step {n}
          <span class="tour-step__kind" aria-hidden="true">
            {' '}
            · {STEP_KIND_LABELS[step.kind]}
          </span>
        </legend>
        <div class="survey-row__fields">
          <Field id={id('kind')} label={of('Kind')} error={errors.kind}>
            {(aria) => (
              <select {...aria} class="select" value={step.kind} onChange={(e) => set({ kind: e.currentTarget.value as TourStepKind })}>
                {TOUR_STEP_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {STEP_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" class="button button--ghost tour-step__preview" aria-pressed={selected} onClick={onSelect}>
            Preview<span class="visually-hidden"> step {n}</span>
          </button>
        </div>
        <FieldError id={id('id-error')} text={errors.id} />
        <Field id={id('title')} label={of('Title')} error={errors.title} hint="Optional.">
          {(aria) => <input {...aria} class="input" type="text" maxLength={TOUR_FORM_LIMITS.title} value={step.title} onInput={(e) => set({ title: e.currentTarget.value })} />}
        </Field>
        <Field id={id('body')} label={of('Body')} error={errors.body} hint="Markdown: **bold**, _italic_, [links](https://…), lists.">
          {(aria) => (
            <textarea {...aria} class="input settings__textarea" rows={3} maxLength={TOUR_FORM_LIMITS.body} value={step.body} onInput={(e) => set({ body: e.currentTarget.value })} />
          )}
        </Field>
        <div class="survey-row__fields">
          <Field id={id('image')} label={of('Image URL')} error={errors.imageUrl} hint="Optional, https://…" class="survey-row__grow">
            {(aria) => (
              <input {...aria} class="input" type="url" spellcheck={false} maxLength={TOUR_FORM_LIMITS.url} value={step.imageUrl} onInput={(e) => set({ imageUrl: e.currentTarget.value })} />
            )}
          </Field>
          <Field id={id('page')} label={of('Page')} error={errors.page} hint="Optional: where the step shows, such as /settings/*. Elsewhere the tour waits." class="survey-row__grow">
            {(aria) => (
              <input
                {...aria}
                class="input settings__mono"
                type="text"
                spellcheck={false}
                maxLength={TOUR_FORM_LIMITS.page}
                placeholder="/settings/*"
                value={step.page}
                onInput={(e) => set({ page: e.currentTarget.value })}
              />
            )}
          </Field>
        </div>
        {isAnchored(step.kind) && <TourStepElement step={step} n={n} errors={errors} controlId={id} set={set} picker={picker} />}
        <ItemActions class="tour-step__actions" controlId={id} item={`step ${n}`} index={index} count={count} onMove={onMove} onRemove={onRemove} danger />
      </fieldset>
    </li>
  );
}
