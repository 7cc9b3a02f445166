/**
 * A question's logic: "If answer [op] [value] go to [later question | End]"
 * rows, tried in order after the question is answered (the first that
 * matches wins; none: the next question).
 */
import type { AnsweredQuestion } from '../../state/answer-condition.js';
import { addLogic, gotoTargets, type LogicDraft, type QuestionDraft } from '../../state/survey-draft.js';
import { FieldError } from '../content/Field.js';
import { AnswerConditionFields } from './AnswerConditionFields.js';

export interface QuestionLogicProps {
  question: QuestionDraft;
  /** 0-based place of the question. */
  index: number;
  questions: readonly QuestionDraft[];
  answered: AnsweredQuestion;
  errors: ReadonlyMap<number, string> | undefined;
  onChange(question: QuestionDraft, announce?: string): void;
}

export function QuestionLogic({ question, index, questions, answered, errors, onChange }: QuestionLogicProps) {
  const n = index + 1;
  const targets = gotoTargets(questions, index);
  const setRow = (row: LogicDraft) => onChange({ ...question, logic: question.logic.map((l) => (l.key === row.key ? row : l)) });

  return (
    <fieldset class="survey-logic">
      <legend class="field__label field__label--small">
        Logic<span class="visually-hidden"> of question {n}</span>
      </legend>
      {question.logic.length === 0 ? (
        <p class="settings__hint">Without logic, the next question follows.</p>
      ) : (
        <ol class="survey-logic__rows">
          {question.logic.map((row, j) => {
            const m = j + 1;
            const prefix = `q-${question.key}-jump-${row.key}`;
            const error = errors?.get(row.key);
            const errorId = error ? `${prefix}-error` : null;
            const suffix = ` of question ${n}, jump ${m}`;
            return (
              <li key={row.key} class="survey-logic__row">
                <div class="survey-row__fields">
                  <AnswerConditionFields
                    idPrefix={prefix}
                    suffix={suffix}
                    label="If answer"
                    draft={row}
                    question={answered}
                    onChange={(condition) => setRow({ ...row, ...condition })}
                    errorId={errorId}
                  />
                  <div class="field">
                    <label class="field__label field__label--small" for={`${prefix}-goto`}>
                      Go to<span class="visually-hidden">{suffix}</span>
                    </label>
                    <select
                      id={`${prefix}-goto`}
                      class="select"
                      {...(errorId ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {})}
                      value={row.goto}
                      onChange={(e) => setRow({ ...row, goto: e.currentTarget.value })}
                    >
                      {row.goto === '' && <option value="">Choose…</option>}
                      {targets.map((t) => (
                        <option key={t.value} value={t.value}>
                          {t.label}
                        </option>
                      ))}
                      {/* After a move a target can lie behind: keep it visible (and refused) until changed. */}
                      {row.goto !== '' && !targets.some((t) => t.value === row.goto) && <option value={row.goto}>An earlier question (not allowed)</option>}
                    </select>
                  </div>
                  <button
                    type="button"
                    class="button button--ghost survey-row__remove"
                    onClick={() => onChange({ ...question, logic: question.logic.filter((l) => l.key !== row.key) }, `Jump ${m} of question ${n} removed.`)}
                  >
                    Remove<span class="visually-hidden"> jump {m} of question {n}</span>
                  </button>
                </div>
                <FieldError id={`${prefix}-error`} text={error} />
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <button type="button" class="button button--ghost" disabled={question.logic.length >= 10} onClick={() => onChange(addLogic(question))}>
          Add logic jump<span class="visually-hidden"> to question {n}</span>
        </button>
      </div>
    </fieldset>
  );
}
