/**
 * Where the respondent is on their path, for "Question 2 of 4". Logic jumps
 * make the real length unknown ahead, so the total is an upper bound: the
 * steps taken so far plus every question after this one. It can only shrink
 * as jumps skip questions, never grow (a progress bar going backwards reads
 * as "this will take longer than promised").
 */
import { nextQuestion } from '../../../protocol/surveys/logic.js';
import type { Answers, SurveyQuestion } from '../../../protocol/surveys/models.js';

export function surveyStep(questions: readonly SurveyQuestion[], answers: Answers, index: number): { n: number; total: number } {
  let n = 1;
  // Walk the path the answers so far took (skipped questions have no answer: nextQuestion treats them as skipped).
  for (let i = 0; i < index && n <= questions.length; n++) i = nextQuestion(questions, i, answers[questions[i].id]);
  return { n, total: n + Math.max(0, questions.length - 1 - index) };
}
