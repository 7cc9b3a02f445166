/**
 * The ordered questions of a survey, with "Add question". Focus follows the
 * question being moved and lands on a new question's type; moves and
 * removals are announced through the editor's status line.
 */
import { SURVEY_LIMITS } from '../../../protocol/index.js';
import { addQuestion, moveQuestion, removeQuestion, type QuestionDraft, type SurveyDraft } from '../../state/survey-draft.js';
import type { SurveyErrors } from '../../state/survey-input.js';
import { FieldError } from '../content/Field.js';
import { useListFocus } from '../content/use-list-focus.js';
import { SurveyQuestionItem } from './SurveyQuestionItem.js';

export interface SurveyQuestionsProps {
  draft: Pick<SurveyDraft, 'questions' | 'followUps'>;
  onChange(change: Partial<Pick<SurveyDraft, 'questions' | 'followUps'>>, announce?: string): void;
  errors: SurveyErrors | null;
  /** The question (by index) the author is working on, for the preview. */
  onFocusQuestion(index: number): void;
}

export function SurveyQuestions({ draft, onChange, errors, onFocusQuestion }: SurveyQuestionsProps) {
  const { questions } = draft;
  const focusLater = useListFocus((key, part) => `q-${key}-${part}`, 'survey-add-question');

  const setQuestion = (next: QuestionDraft, announce?: string) => onChange({ questions: questions.map((q) => (q.key === next.key ? next : q)) }, announce);

  return (
    <section class="settings__section" aria-labelledby="survey-questions-title">
      <h2 id="survey-questions-title" class="settings__section-title">
        Questions
      </h2>
      {questions.length > 0 && (
        <ol class="survey-questions">
          {questions.map((question, i) => (
            <SurveyQuestionItem
              key={question.key}
              question={question}
              index={i}
              questions={questions}
              errors={errors?.questions.get(question.key)}
              onChange={setQuestion}
              onFocus={() => onFocusQuestion(i)}
              onMove={(delta) => {
                focusLater({ key: question.key, part: delta < 0 ? 'up' : 'down' });
                onChange({ questions: moveQuestion(questions, question.key, delta) }, `Question moved to position ${i + 1 + delta}.`);
                onFocusQuestion(i + delta);
              }}
              onRemove={() => {
                focusLater('add');
                onChange(removeQuestion(draft, question.key), `Question ${i + 1} removed.`);
                onFocusQuestion(Math.max(0, i - 1));
              }}
            />
          ))}
        </ol>
      )}
      <FieldError id="survey-questions-error" text={errors?.fields.questions} />
      <div class="settings__row">
        <button
          type="button"
          id="survey-add-question"
          class="button"
          disabled={questions.length >= SURVEY_LIMITS.questions}
          onClick={() => {
            const next = addQuestion(questions, 'text');
            focusLater({ key: next[next.length - 1].key, part: 'type' });
            onChange({ questions: next });
            onFocusQuestion(next.length - 1);
          }}
        >
          Add question
        </button>
      </div>
    </section>
  );
}
