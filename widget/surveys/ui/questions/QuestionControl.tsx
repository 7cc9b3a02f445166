/**
 * The control for a question, by type (one component per type, like
 * Formbricks' elements). A type this widget does not know (a newer server)
 * renders nothing; the step makes such a question skippable.
 */
import type { FunctionComponent } from 'preact';
import type { QuestionType } from '../../../../protocol/surveys/models.js';
import { ChoiceQuestion } from './ChoiceQuestion.js';
import { CesQuestion } from './CesQuestion.js';
import { CsatQuestion } from './CsatQuestion.js';
import { NpsQuestion } from './NpsQuestion.js';
import { RatingQuestion } from './RatingQuestion.js';
import { TextQuestion } from './TextQuestion.js';
import type { QuestionProps } from './types.js';

const CONTROLS: Record<QuestionType, FunctionComponent<QuestionProps>> = {
  nps: NpsQuestion,
  csat: CsatQuestion,
  ces: CesQuestion,
  rating: RatingQuestion,
  single: ChoiceQuestion,
  multi: ChoiceQuestion,
  text: TextQuestion,
};

export function isKnownType(type: string): type is QuestionType {
  return Object.prototype.hasOwnProperty.call(CONTROLS, type);
}

export function QuestionControl(props: QuestionProps) {
  const type = props.question.type;
  if (!isKnownType(type)) return null;
  const Control = CONTROLS[type];
  return <Control {...props} />;
}
