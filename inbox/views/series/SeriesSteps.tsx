/**
 * The ordered steps of a series, with "Add message", "Add wait" and "Add
 * branch". Focus follows the step being moved and lands on a new step's type;
 * moves are announced through the editor's status line.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { CONTENT_LIMITS, type InAppMessage, type Segment, type SeriesStats } from '../../../protocol/index.js';
import { addStep, moveStep, removeStep, type SeriesErrors, type StepDraft, type StepType } from '../../state/series-form.js';
import { FieldError } from '../content/Field.js';
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
  const pendingFocus = useRef<{ key: number; part: 'type' | 'up' | 'down' } | 'add' | null>(null);

  // A layout effect: it runs with the render that made the change, never as a stale effect flushed before the next render.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if (target === 'add') return document.getElementById('series-add-message')?.focus();
    const wanted = document.getElementById(`step-${target.key}-${target.part}`) as HTMLButtonElement | null;
    // At the top (or bottom) the button just used is disabled: its twin keeps focus on the step.
    const other = document.getElementById(`step-${target.key}-${target.part === 'up' ? 'down' : 'up'}`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });

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
                pendingFocus.current = { key: step.key, part: delta < 0 ? 'up' : 'down' };
                onChange(moveStep(steps, step.key, delta), `Step moved to position ${i + 1 + delta}.`);
              }}
              onRemove={() => {
                pendingFocus.current = 'add';
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
              pendingFocus.current = { key: next[next.length - 1].key, part: 'type' };
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
