/**
 * A bot's ordered steps: each a group named "Step N" with its type, its
 * fields, and Move up / Move down / Remove; "Add step" at the end. Focus
 * follows what was used: a moved step's button, the new step's type, or
 * "Add step" after a removal.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { BOT_LIMITS, BOT_STEP_TYPES, type BotStepType } from '../../../protocol/index.js';
import { type BotReferences, STEP_LABELS } from '../../state/bot-form.js';
import { moveStep, newStepDraft, removeStep, replaceStep, type StepDraft } from '../../state/bot-steps-draft.js';
import { FieldError, labelOf } from '../content/Field.js';
import { BotStepFields } from './BotStepFields.js';

export interface BotStepListProps {
  idPrefix: string;
  steps: readonly StepDraft[];
  refs: BotReferences;
  onChange(steps: StepDraft[]): void;
  /** About the whole list. */
  error?: string;
  /** Per step, by key. */
  errors?: ReadonlyMap<number, string>;
}

export function BotStepList({ idPrefix, steps, refs, onChange, error, errors }: BotStepListProps) {
  const controls = useRef(new Map<string, HTMLElement>());
  const [focusAfter, setFocusAfter] = useState<{ key: string } | null>(null);
  const ref = (key: string) => (el: HTMLElement | null) => {
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };
  useEffect(() => {
    if (focusAfter) controls.current.get(focusAfter.key)?.focus();
  }, [focusAfter]);

  const full = steps.length >= BOT_LIMITS.steps;
  const listErrorId = `${idPrefix}-error`;
  const move = (step: StepDraft, index: number, delta: -1 | 1) => {
    if (index + delta < 0 || index + delta >= steps.length) return;
    onChange(moveStep(steps, step.key, delta));
    setFocusAfter({ key: `${step.key}:${delta < 0 ? 'up' : 'down'}` });
  };

  return (
    <fieldset class="settings__fieldset bot-steps" aria-describedby={error ? listErrorId : undefined}>
      <legend>Steps</legend>
      {steps.length === 0 && <p class="settings__hint">No steps yet.</p>}
      <ol class="automation-actions__list">
        {steps.map((step, index) => {
          const id = `${idPrefix}-${step.key}`;
          const item = `step ${index + 1}`;
          const rowError = errors?.get(step.key);
          return (
            <li key={step.key} class="automation-actions__item">
              <div role="group" aria-labelledby={`${id}-title`} aria-describedby={rowError ? `${id}-error` : undefined} class="automation-action">
                <h4 id={`${id}-title`} class="automation-action__title">
                  Step {index + 1}
                </h4>
                <div class="field">
                  <label class="field__label" for={`${id}-type`}>
                    {labelOf('Do', item)}
                  </label>
                  <select id={`${id}-type`} ref={ref(`${step.key}:type`)} class="select" value={step.type} onChange={(e) => onChange(replaceStep(steps, step.key, { type: e.currentTarget.value as BotStepType }))}>
                    {BOT_STEP_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {STEP_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </div>
                <BotStepFields id={id} item={item} draft={step} steps={steps} refs={refs} onChange={(change) => onChange(replaceStep(steps, step.key, change))} />
                <FieldError id={`${id}-error`} text={rowError} />
                <div class="rule-card__actions">
                  <button ref={ref(`${step.key}:up`)} type="button" class="button button--ghost" aria-disabled={index === 0 ? 'true' : undefined} onClick={() => move(step, index, -1)}>
                    Move up<span class="visually-hidden"> {item}</span>
                  </button>
                  <button
                    ref={ref(`${step.key}:down`)}
                    type="button"
                    class="button button--ghost"
                    aria-disabled={index === steps.length - 1 ? 'true' : undefined}
                    onClick={() => move(step, index, 1)}
                  >
                    Move down<span class="visually-hidden"> {item}</span>
                  </button>
                  <button
                    type="button"
                    class="button button--danger"
                    onClick={() => {
                      onChange(removeStep(steps, step.key));
                      setFocusAfter({ key: 'add' });
                    }}
                  >
                    Remove<span class="visually-hidden"> {item}</span>
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError id={listErrorId} text={error} />
      <div>
        <button
          ref={ref('add')}
          type="button"
          class="button"
          aria-disabled={full ? 'true' : undefined}
          onClick={() => {
            if (full) return;
            const added = newStepDraft(steps);
            onChange([...steps, added]);
            setFocusAfter({ key: `${added.key}:type` });
          }}
        >
          Add step
        </button>
      </div>
    </fieldset>
  );
}
