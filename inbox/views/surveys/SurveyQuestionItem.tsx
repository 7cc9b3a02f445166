/**
 * One question of a survey: its type, text and "required", the fields only
 * some types use (options and "Other", CSAT style, rating scale, long text,
 * end labels), its logic, and move up / move down / remove. Every control's
 * name ends with "of question N" for screen readers (visually hidden).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { QUESTION_TYPES, SURVEY_LIMITS, type QuestionType } from '../../../protocol/index.js';
import { answeredQuestion, changeQuestionType, optionDraft, QUESTION_LABELS, type QuestionDraft } from '../../state/survey-draft.js';
import type { QuestionErrors, QuestionPart } from '../../state/survey-input.js';
import { controlProps, FieldError } from '../content/Field.js';
import { ItemActions } from '../content/ItemActions.js';
import { QuestionLogic } from './QuestionLogic.js';

/** The end labels the widget shows when the author leaves them empty. */
const DEFAULT_ENDS: Partial<Record<QuestionType, [string, string]>> = {
  nps: ['Not likely', 'Very likely'],
  ces: ['Very difficult', 'Very easy'],
};

export interface SurveyQuestionItemProps {
  question: QuestionDraft;
  index: number;
  questions: readonly QuestionDraft[];
  errors: QuestionErrors | undefined;
  onChange(question: QuestionDraft, announce?: string): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  /** Focus came into this question (the preview shows it). */
  onFocus(): void;
}

export function SurveyQuestionItem({ question, index, questions, errors, onChange, onMove, onRemove, onFocus }: SurveyQuestionItemProps) {
  const n = index + 1;
  const { type } = question;
  const id = (part: string) => `q-${question.key}-${part}`;
  const set = (change: Partial<QuestionDraft>) => onChange({ ...question, ...change });
  const fieldError = (part: QuestionPart) => errors?.fields[part];
  const aria = (part: QuestionPart, key = part as string) => controlProps(id(key), fieldError(part), false);
  const of = <span class="visually-hidden"> of question {n}</span>;
  const label = (text: string, key: string) => (
    <label class="field__label field__label--small" for={id(key)}>
      {text}
      {of}
    </label>
  );
  const choice = type === 'single' || type === 'multi';
  const scale = type === 'nps' || type === 'csat' || type === 'ces' || type === 'rating';
  const optionsError = fieldError('options');
  const anyEmpty = question.options.some((o) => o.text.trim() === '');
  const ends = DEFAULT_ENDS[type];
  // After adding an option, its field; after removing one, "Add option" (the button pressed is gone).
  const pendingFocus = useRef<string | null>(null);
  // A layout effect: it runs with the render that made the change, never as a stale effect flushed before the next render.
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  return (
    <li class={`survey-question${errors ? ' survey-question--invalid' : ''}`} onFocusIn={onFocus}>
      <fieldset class="survey-question__box">
        <legend class="survey-question__title">
          Question {n}
          <span class="survey-question__type" aria-hidden="true">
            {' '}
            · {QUESTION_LABELS[type]}
          </span>
        </legend>
        <div class="survey-row__fields">
          <div class="field">
            {label('Type', 'type')}
            <select id={id('type')} class="select" value={type} onChange={(e) => onChange(changeQuestionType(question, e.currentTarget.value as QuestionType))}>
              {QUESTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {QUESTION_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <label class="settings__choice survey-question__required">
            <input type="checkbox" checked={question.required} onChange={(e) => set({ required: e.currentTarget.checked })} />
            Required<span class="visually-hidden"> (question {n})</span>
          </label>
        </div>
        <div class="field">
          {label('Text', 'text')}
          <textarea
            {...aria('text')}
            class="input settings__textarea survey-question__text"
            rows={2}
            maxLength={SURVEY_LIMITS.text}
            value={question.text}
            onInput={(e) => set({ text: e.currentTarget.value })}
          />
          <FieldError id={`${id('text')}-error`} text={fieldError('text')} />
        </div>

        {choice && (
          <fieldset class="survey-options" aria-describedby={optionsError ? `${id('options')}-error` : undefined}>
            <legend class="field__label field__label--small">Options{of}</legend>
            <ol class="survey-options__rows">
              {question.options.map((option, j) => {
                const invalid = optionsError !== undefined && (!anyEmpty || option.text.trim() === '');
                return (
                  <li key={option.key} class="survey-options__row">
                    <label class="visually-hidden" for={id(`option-${option.key}`)}>
                      Option {j + 1} of question {n}
                    </label>
                    <input
                      id={id(`option-${option.key}`)}
                      class="input"
                      type="text"
                      maxLength={SURVEY_LIMITS.option}
                      placeholder={`Option ${j + 1}`}
                      value={option.text}
                      {...(invalid ? { 'aria-invalid': true as const, 'aria-describedby': `${id('options')}-error` } : {})}
                      onInput={(e) => set({ options: question.options.map((o) => (o.key === option.key ? { ...o, text: e.currentTarget.value } : o)) })}
                    />
                    <button
                      type="button"
                      class="button button--ghost"
                      onClick={() => {
                        pendingFocus.current = id('add-option');
                        onChange({ ...question, options: question.options.filter((o) => o.key !== option.key) }, `Option ${j + 1} removed.`);
                      }}
                    >
                      Remove<span class="visually-hidden"> option {j + 1} of question {n}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
            <FieldError id={`${id('options')}-error`} text={optionsError} />
            <div class="settings__row">
              <button
                type="button"
                id={id('add-option')}
                class="button button--ghost"
                disabled={question.options.length >= SURVEY_LIMITS.options}
                onClick={() => {
                  const added = optionDraft();
                  pendingFocus.current = id(`option-${added.key}`);
                  set({ options: [...question.options, added] });
                }}
              >
                Add option<span class="visually-hidden"> to question {n}</span>
              </button>
              <label class="settings__choice">
                <input type="checkbox" checked={question.allowOther} onChange={(e) => set({ allowOther: e.currentTarget.checked })} />
                Allow “Other”<span class="visually-hidden"> (question {n})</span>
              </label>
            </div>
          </fieldset>
        )}

        {type === 'csat' && (
          <fieldset class="settings__fieldset">
            <legend class="field__label field__label--small">Style{of}</legend>
            <div class="settings__row">
              {(['stars', 'faces'] as const).map((style) => (
                <label key={style} class="settings__choice">
                  <input type="radio" name={id('style')} value={style} checked={question.style === style} onChange={() => set({ style })} />
                  {style === 'stars' ? 'Stars' : 'Faces'}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {type === 'rating' && (
          <div class="field">
            {label('Scale: 1 to', 'scale')}
            <input {...aria('scale')} class="input settings__number" type="number" min={3} max={10} step={1} value={question.scale} onInput={(e) => set({ scale: e.currentTarget.value })} />
            <FieldError id={`${id('scale')}-error`} text={fieldError('scale')} />
          </div>
        )}

        {type === 'text' && (
          <label class="settings__choice">
            <input type="checkbox" checked={question.long} onChange={(e) => set({ long: e.currentTarget.checked })} />
            Long answer (several lines)<span class="visually-hidden"> (question {n})</span>
          </label>
        )}

        {scale && (
          <div class="survey-row__fields">
            <div class="field survey-row__grow">
              {label('Low label', 'low')}
              <input {...aria('lowLabel', 'low')} class="input" type="text" maxLength={60} placeholder={ends?.[0] ?? 'Optional'} value={question.lowLabel} onInput={(e) => set({ lowLabel: e.currentTarget.value })} />
              <FieldError id={`${id('low')}-error`} text={fieldError('lowLabel')} />
            </div>
            <div class="field survey-row__grow">
              {label('High label', 'high')}
              <input {...aria('highLabel', 'high')} class="input" type="text" maxLength={60} placeholder={ends?.[1] ?? 'Optional'} value={question.highLabel} onInput={(e) => set({ highLabel: e.currentTarget.value })} />
              <FieldError id={`${id('high')}-error`} text={fieldError('highLabel')} />
            </div>
          </div>
        )}

        <QuestionLogic question={question} index={index} questions={questions} answered={answeredQuestion(question)} errors={errors?.logic} onChange={onChange} />

        <ItemActions
          class="survey-question__actions"
          controlId={id}
          item={`question ${n}`}
          index={index}
          count={questions.length}
          onMove={onMove}
          onRemove={onRemove}
          keepLast
          danger
        />
      </fieldset>
    </li>
  );
}
