/**
 * What every question control gets from the step around it. A control owns
 * only its draft (and the "Other" text); the step decides when an answer is
 * given, and the view where to go next.
 */
import type { AnswerValue, SurveyQuestion } from '../../../../protocol/surveys/models.js';
import type { Strings } from '../../../i18n/index.js';

export interface QuestionProps {
  question: SurveyQuestion;
  strings: Strings;
  /** The draft answer; undefined until there is one. */
  value: AnswerValue | undefined;
  /** A new draft (undefined: nothing usable, e.g. "Other" with an empty text). */
  onChange(value: AnswerValue | undefined): void;
  /** Enter in a text field: the same as pressing "Next"/"Submit". */
  onSubmit(): void;
  /** Id of the element holding the question text: the control's accessible name. */
  labelId: string;
  /** Unique per rendered step, so two surveys (or previews) on one page never share a radio group. */
  name: string;
  required: boolean;
}
