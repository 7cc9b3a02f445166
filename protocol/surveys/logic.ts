/**
 * Where a survey goes after an answer: the first matching logic jump (only
 * forward, or to the end), else the next question. Pure and shared: the
 * widget walks it while answering, the server uses the same conditions for
 * follow-ups.
 */
import type { AnswerCondition, AnswerValue, SurveyQuestion } from './models.js';

export function answerMatches(condition: AnswerCondition, answer: AnswerValue | undefined): boolean {
  const { op, value } = condition;
  if (op === 'answered') return answer !== undefined && answer !== '' && !(Array.isArray(answer) && answer.length === 0);
  if (op === 'skipped') return !answerMatches({ op: 'answered' }, answer);
  if (answer === undefined) return false;
  const values = Array.isArray(answer) ? answer : [answer];
  switch (op) {
    case 'eq':
      return values.some((a) => a === value);
    case 'neq':
      return !values.some((a) => a === value);
    case 'lte':
      return typeof answer === 'number' && typeof value === 'number' && answer <= value;
    case 'gte':
      return typeof answer === 'number' && typeof value === 'number' && answer >= value;
    case 'in':
      return Array.isArray(value) && values.some((a) => value.includes(a));
  }
}

/** Index of the question after `index` given its answer; `questions.length` means the end. */
export function nextQuestion(questions: readonly SurveyQuestion[], index: number, answer: AnswerValue | undefined): number {
  const question = questions[index];
  for (const jump of question?.logic ?? []) {
    if (!answerMatches(jump.if, answer)) continue;
    if (jump.goto === 'end') return questions.length;
    const target = questions.findIndex((q) => q.id === jump.goto);
    if (target > index) return target;
  }
  return index + 1;
}

/** Where a respondent with these answers carries on: the first unanswered question on their path (`questions.length`: done). */
export function resumeAt(questions: readonly SurveyQuestion[], answers: Record<string, AnswerValue>): number {
  let i = 0;
  // Jumps only go forward, so this walk ends within questions.length steps.
  while (i < questions.length && answerMatches({ op: 'answered' }, answers[questions[i].id])) i = nextQuestion(questions, i, answers[questions[i].id]);
  return i;
}
