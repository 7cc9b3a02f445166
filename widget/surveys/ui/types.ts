/**
 * The contract between the widget's survey engine and the survey views. A
 * view walks the questions (logic from protocol/surveys/logic.ts), resumes at
 * the first unanswered one, and reports answers as they come; it decides
 * nothing about targeting or sampling. The inbox's editor preview renders the
 * same view.
 */
import type { Answers, WidgetSurvey } from '../../../protocol/surveys/models.js';
import type { Strings } from '../../i18n/index.js';

export interface SurveyViewProps {
  survey: WidgetSurvey;
  strings: Strings;
  /** After every answer (partial answers are saved as they come); `completed` once the last one is given. */
  onAnswer(answers: Answers, completed: boolean): void;
  /** Closed before the end (×, Esc). */
  onDismiss(): void;
  /** Preview mode (inbox editor): no focus moves, no document listeners, static layout. */
  preview?: boolean;
  /** Drawn inside a conversation's thread: a group in the flow of messages, not a dialog, with nothing to close. */
  inline?: boolean;
}
