/**
 * The ordered steps of a tour, with "Add post", "Add tooltip" and "Add
 * spotlight" (at most 30 steps). Focus follows the step being moved, lands
 * on a new step's kind, and on the selector a picked element filled in;
 * moves and removals are announced through the editor's status line, picks
 * by the step's own.
 * Owns the one element picker session of the editor.
 */
import type { TourStepKind } from '../../../protocol/tours/models.js';
import type { InboxApi } from '../../api/endpoints.js';
import { addTourStep, moveTourStep, removeTourStep, replaceTourStep, STEP_KIND_LABELS, TOUR_FORM_LIMITS, type TourStepDraft } from '../../state/tour-draft.js';
import type { TourErrors } from '../../state/tour-input.js';
import { FieldError } from '../content/Field.js';
import { useListFocus } from '../content/use-list-focus.js';
import { stepControlId, TourStepItem } from './TourStepItem.js';
import { useElementPicker } from './use-element-picker.js';

export interface TourStepsProps {
  api: Pick<InboxApi, 'createPickerLink'>;
  steps: TourStepDraft[];
  onChange(steps: TourStepDraft[], announce?: string): void;
  errors: TourErrors | null;
  /** The step (by index) the preview shows. */
  selected: number;
  onSelect(index: number): void;
}

export function TourSteps({ api, steps, onChange, errors, selected, onSelect }: TourStepsProps) {
  const focusLater = useListFocus(stepControlId, 'tour-add-post');
  const picker = useElementPicker(api, (key, selector) => {
    const index = steps.findIndex((s) => s.key === key);
    const step = steps[index];
    if (!step) return;
    focusLater({ key, part: 'selector' });
    // Said by the step's own status line ("Picked “Save changes”."), beside the field focus lands on.
    onChange(replaceTourStep(steps, { ...step, selector }));
    onSelect(index);
  });
  const full = steps.length >= TOUR_FORM_LIMITS.steps;
  const kinds: TourStepKind[] = ['post', 'tooltip', 'spotlight'];

  return (
    <section class="settings__section" aria-labelledby="tour-steps-title">
      <h2 id="tour-steps-title" class="settings__section-title">
        Steps
      </h2>
      {steps.length === 0 && <p class="settings__hint">No steps yet: start with a post that says what the tour shows.</p>}
      {steps.length > 0 && (
        <ol class="tour-steps">
          {steps.map((step, i) => (
            <TourStepItem
              key={step.key}
              step={step}
              index={i}
              count={steps.length}
              errors={errors?.steps.get(step.key)}
              selected={i === selected}
              picker={picker}
              onChange={(next) => {
                onChange(replaceTourStep(steps, next));
                if (i !== selected) onSelect(i);
              }}
              onSelect={() => onSelect(i)}
              onMove={(delta) => {
                focusLater({ key: step.key, part: delta < 0 ? 'up' : 'down' });
                onChange(moveTourStep(steps, step.key, delta), `Step moved to position ${i + 1 + delta}.`);
                onSelect(i + delta);
              }}
              onRemove={() => {
                if (picker.session.phase !== 'idle' && picker.session.key === step.key) picker.cancel();
                focusLater('add');
                onChange(removeTourStep(steps, step.key), `Step ${i + 1} removed.`);
                onSelect(Math.max(0, i - 1));
              }}
            />
          ))}
        </ol>
      )}
      <FieldError id="tour-steps-error" text={errors?.fields.steps} />
      <div class="settings__row">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            id={`tour-add-${kind}`}
            class="button"
            disabled={full}
            onClick={() => {
              const next = addTourStep(steps, kind);
              focusLater({ key: next[next.length - 1].key, part: 'kind' });
              onChange(next);
              onSelect(next.length - 1);
            }}
          >
            Add {STEP_KIND_LABELS[kind].toLowerCase()}
          </button>
        ))}
      </div>
      {full && <p class="settings__hint">A tour has at most {TOUR_FORM_LIMITS.steps} steps.</p>}
    </section>
  );
}
