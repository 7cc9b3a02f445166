/**
 * The ordered steps of a series, with "Add message", "Add wait" and "Add
 * branch". Focus follows the step being moved and lands on a new step's type;
 * moves are announced through the editor's status line.
 */
import { CONTENT_LIMITS, type InAppMessage, type Segment, type SeriesStats } from '../../../protocol/index.js';
import { addStep, moveStep, removeStep, type SeriesErrors, type StepDraft, type StepType } from '../../state/series-form.js';
import { FieldError } from '../content/Field.js';
import { useListFocus } from '../content/use-list-focus.js';
import { SeriesStepItem } from './SeriesStepItem.js';

export interface SeriesStepsProps {
  steps: StepDraft[];
  onChange(steps: StepDraft[], announce?: string): void;
  messages: readonly InAppMessage[];
  segments: readonly Segment[];
  stats: SeriesStats | null;
  errors: SeriesErrors | null;
}

const ADD: Array<[StepType, string]> = [
  ['message', 'Add message'],
  ['wait', 'Add wait'],
  ['branch', 'Add branch'],
];

export function SeriesSteps({ steps, onChange, messages, segments, stats, errors }: SeriesStepsProps) {
  const focusLater = useListFocus((key, part) => `step-${key}-${part}`, 'series-add-message');

  const full = steps.length >= CONTENT_LIMITS.steps;
  const statsOf = (id: string) => stats?.steps.find((s) => s.id === id) ?? null;

  return (
    <section class="settings__section" aria-labelledby="series-steps-title">
      <h2 id="series-steps-title" class="settings__section-title">
        Steps
      </h2>
      {steps.length === 0 && <p class="settings__hint">No steps yet: start with a message.</p>}
      {steps.length > 0 && (
        <ol class="series-steps">
          {steps.map((step, i) => (
            <SeriesStepItem
              key={step.key}
              step={step}
              index={i}
              steps={steps}
              messages={messages}
              segments={segments}
              stats={statsOf(step.id)}
              error={errors?.steps.get(step.key)}
              ruleErrors={errors?.branchRules.get(step.key) ?? null}
              onChange={(next) => onChange(steps.map((s) => (s.key === step.key ? next : s)))}
              onMove={(delta) => {
                focusLater({ key: step.key, part: delta < 0 ? 'up' : 'down' });
                onChange(moveStep(steps, step.key, delta), `Step moved to position ${i + 1 + delta}.`);
              }}
              onRemove={() => {
                focusLater('add');
                onChange(removeStep(steps, step.key), `Step ${i + 1} removed.`);
              }}
            />
          ))}
        </ol>
      )}
      <FieldError id="series-steps-error" text={errors?.fields.steps} />
      <div class="settings__row">
        {ADD.map(([type, label]) => (
          <button
            key={type}
            type="button"
            id={`series-add-${type}`}
            class="button"
            disabled={full}
            onClick={() => {
              const next = addStep(steps, type);
              focusLater({ key: next[next.length - 1].key, part: 'type' });
              onChange(next);
            }}
          >
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
