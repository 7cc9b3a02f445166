/** One step of a series: its type and fields, where it stands (reached / waiting), and move up / move down / remove. */
import type { InAppMessage, Segment } from '../../../protocol/index.js';
import type { RuleErrors } from '../../state/rule-check.js';
import { branchTargets, type StepDraft, type StepType } from '../../state/series-form.js';
import { FieldError, labelOf } from '../content/Field.js';
import { ItemActions } from '../content/ItemActions.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';

const TYPE_LABELS: Record<StepType, string> = { message: 'Send a message', wait: 'Wait', branch: 'Branch' };

export interface SeriesStepItemProps {
  step: StepDraft;
  index: number;
  steps: readonly StepDraft[];
  messages: readonly Pick<InAppMessage, 'id' | 'name'>[];
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  stats: { reached: number; current: number } | null;
  error: string | undefined;
  ruleErrors: RuleErrors | null;
  onChange(step: StepDraft): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

export function SeriesStepItem({ step, index, steps, messages, segments, stats, error, ruleErrors, onChange, onMove, onRemove }: SeriesStepItemProps) {
  const n = index + 1;
  const id = (part: string) => `step-${step.key}-${part}`;
  const set = (change: Partial<StepDraft>) => onChange({ ...step, ...change });
  const errorId = id('error');
  // Every control of the step points at the step's one error message.
  const aria = (part: string) => ({ id: id(part), ...(error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {}) });
  const targets = branchTargets(steps, index);
  const label = (text: string) => labelOf(text, `step ${n}`);
  const target = (key: 'then' | 'else', text: string) => (
    <div class="field">
      <label class="field__label field__label--small" for={id(key)}>
        {label(text)}
      </label>
      <select {...aria(key)} class="select" value={step[key]} onChange={(e) => set({ [key]: e.currentTarget.value })}>
        {targets.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
        {/* After a move a target can lie behind: keep it visible (and refused) until changed. */}
        {!targets.some((t) => t.value === step[key]) && <option value={step[key]}>An earlier step (not allowed)</option>}
      </select>
    </div>
  );

  return (
    <li class={`series-step series-step--${step.type}${error ? ' series-step--invalid' : ''}`}>
      <fieldset class="series-step__box" aria-describedby={error ? errorId : undefined}>
        <legend class="series-step__title">
          Step {n}
          {stats && (
            <span class="series-step__stats">
              {' '}
              · reached {stats.reached}, waiting {stats.current}
            </span>
          )}
        </legend>
        <div class="series-step__fields">
          <div class="field">
            <label class="field__label field__label--small" for={id('type')}>
              {label('Type')}
            </label>
            <select id={id('type')} class="select" value={step.type} onChange={(e) => set({ type: e.currentTarget.value as StepType })}>
              {(Object.keys(TYPE_LABELS) as StepType[]).map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          {step.type === 'message' && (
            <div class="field series-step__wide">
              <label class="field__label field__label--small" for={id('message')}>
                {label('Message')}
              </label>
              <select {...aria('message')} class="select" value={step.messageId} onChange={(e) => set({ messageId: e.currentTarget.value })}>
                <option value="">Choose a message…</option>
                {messages.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
                {step.messageId && !messages.some((m) => m.id === step.messageId) && <option value={step.messageId}>Message {step.messageId}</option>}
              </select>
            </div>
          )}
          {step.type === 'wait' && (
            <>
              <div class="field">
                <label class="field__label field__label--small" for={id('days')}>
                  {label('Days')}
                </label>
                <input {...aria('days')} class="input settings__number" type="number" min={0} max={365} step="any" value={step.days} onInput={(e) => set({ days: e.currentTarget.value })} />
              </div>
              <div class="field series-step__wide">
                <label class="field__label field__label--small" for={id('until')}>
                  {label('Or until event')}
                </label>
                <input id={id('until')} class="input" type="text" spellcheck={false} placeholder="optional, such as activated" value={step.untilEvent} onInput={(e) => set({ untilEvent: e.currentTarget.value })} />
              </div>
            </>
          )}
          {step.type === 'branch' && (
            <>
              {target('then', 'If they match, go to')}
              {target('else', 'Otherwise, go to')}
            </>
          )}
        </div>
        {step.type === 'branch' && (
          <RuleBuilder legend={`Branch conditions of step ${n}`} idPrefix={id('rule')} draft={step.rule} onChange={(rule) => set({ rule })} errors={ruleErrors} segments={segments} />
        )}
        <FieldError id={errorId} text={error} />
        <ItemActions class="series-step__actions" controlId={id} item={`step ${n}`} index={index} count={steps.length} onMove={onMove} onRemove={onRemove} />
      </fieldset>
    </li>
  );
}
