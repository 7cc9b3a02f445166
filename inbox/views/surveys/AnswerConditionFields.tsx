/**
 * "[is at most] [6]": a condition on a question's answer, for logic jumps and
 * follow-ups. The value is chosen from what the answer can be (a scale's
 * numbers, a choice's options); "is one of" ticks several. Every control
 * points at the row's one error message.
 */
import { answerValues, conditionOps, takesValue, type AnsweredQuestion, type ConditionDraft, type ConditionOp } from '../../state/answer-condition.js';

export interface AnswerConditionFieldsProps {
  /** Ids start with it. */
  idPrefix: string;
  /** " of question 2, jump 1": said after each control's visible label. */
  suffix: string;
  /** The condition's visible label ("If answer", "Answer"). */
  label: string;
  draft: ConditionDraft;
  question: AnsweredQuestion;
  onChange(change: ConditionDraft): void;
  /** The id of the row's error message, when there is one. */
  errorId: string | null;
}

export function AnswerConditionFields({ idPrefix, suffix, label, draft, question, onChange, errorId }: AnswerConditionFieldsProps) {
  const ops = conditionOps(question.type);
  const values = answerValues(question);
  const kind = takesValue(draft.op);
  const invalid = errorId ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  const hidden = <span class="visually-hidden">{suffix}</span>;

  return (
    <>
      <div class="field">
        <label class="field__label field__label--small" for={`${idPrefix}-op`}>
          {label}
          {hidden}
        </label>
        <select
          id={`${idPrefix}-op`}
          class="select"
          {...invalid}
          value={draft.op}
          onChange={(e) => {
            const op = e.currentTarget.value as ConditionOp;
            // The value carries over between one-value conditions; "is one of" starts from it.
            onChange({ ...draft, op, values: op === 'in' && draft.values.length === 0 && draft.value ? [draft.value] : draft.values });
          }}
        >
          {ops.map((o) => (
            <option key={o.op} value={o.op}>
              {o.label}
            </option>
          ))}
          {!ops.some((o) => o.op === draft.op) && <option value={draft.op}>{draft.op} (not for this question)</option>}
        </select>
      </div>
      {kind === 'one' && (
        <div class="field">
          <label class="field__label field__label--small" for={`${idPrefix}-value`}>
            Value
            {hidden}
          </label>
          <select id={`${idPrefix}-value`} class="select survey-condition__value" {...invalid} value={draft.value} onChange={(e) => onChange({ ...draft, value: e.currentTarget.value })}>
            {!values.includes(draft.value) && <option value={draft.value}>{draft.value ? `${draft.value} (not an answer)` : 'Choose…'}</option>}
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'many' && (
        <fieldset class="survey-condition__many" {...(errorId ? { 'aria-describedby': errorId } : {})}>
          <legend class="field__label field__label--small">
            Values
            {hidden}
          </legend>
          <div class="survey-condition__checks">
            {values.length === 0 && <span class="settings__hint">Add options first.</span>}
            {values.map((v) => (
              <label key={v} class="settings__choice survey-condition__check">
                <input
                  type="checkbox"
                  checked={draft.values.includes(v)}
                  onChange={(e) => onChange({ ...draft, values: e.currentTarget.checked ? [...draft.values, v] : draft.values.filter((x) => x !== v) })}
                />
                {v}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}
