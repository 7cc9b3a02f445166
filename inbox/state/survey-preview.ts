/**
 * The survey the editor's live preview renders: the draft as the widget would
 * receive it (`WidgetSurvey`), standing at the step being looked at. Lenient
 * where the check is strict (blank options and unfinished jumps left out, an
 * odd scale drawn as 5), so the preview follows every keystroke, even
 * mid-edit.
 */
import { answerMatches, nextQuestion, resumeAt, type AnswerValue, type Answers, type LogicJump, type SurveyQuestion, type WidgetSurvey } from '../../protocol/index.js';
import { answerValues, conditionFrom } from './answer-condition.js';
import { previewBody } from './message-preview.js';
import { answeredQuestion, filledOptions, type QuestionDraft, type SurveyDraft } from './survey-draft.js';

function previewQuestion(q: QuestionDraft, index: number, all: readonly QuestionDraft[], workspaceName: string): SurveyQuestion {
  const scale = Number(q.scale.trim());
  const later = new Set(['end', ...all.slice(index + 1).map((other) => other.id)]);
  const logic: LogicJump[] = q.logic.flatMap((row) => {
    const condition = conditionFrom(row, answeredQuestion(q));
    return condition.ok && later.has(row.goto) ? [{ if: condition.condition, goto: row.goto }] : [];
  });
  return {
    id: q.id,
    type: q.type,
    text: previewBody(q.text, workspaceName) || ' ',
    required: q.required,
    options: filledOptions(q),
    allow_other: q.allowOther,
    style: q.style,
    scale: Number.isInteger(scale) && scale >= 3 && scale <= 10 ? scale : 5,
    long: q.long,
    low_label: q.lowLabel.trim() || undefined,
    high_label: q.highLabel.trim() || undefined,
    logic,
  };
}

/** Every answer a question can take (one per choice for multi), as a sample respondent might give it. */
function sampleAnswers(q: SurveyQuestion): AnswerValue[] {
  if (q.type === 'text') return ['A sample answer'];
  const values = answerValues({ type: q.type, options: q.options ?? [], scale: q.scale ?? 5 });
  if (q.type === 'multi') return values.map((v) => [v]);
  if (q.type === 'single') return values;
  return values.map(Number);
}

/**
 * Answers that bring a respondent to question `target` (or, at
 * `questions.length`, to the thank-you) through the author's logic, so the
 * view shows "Question 2 of 3" as a respondent would see it; null when no
 * answers get there (every answer jumps past it).
 */
export function answersReaching(questions: readonly SurveyQuestion[], target: number): Answers | null {
  const answers: Answers = {};
  let i = 0;
  while (i < target) {
    let chosen: { value: AnswerValue; next: number } | null = null;
    for (const value of sampleAnswers(questions[i])) {
      const next = nextQuestion(questions, i, value);
      if (next > target) continue;
      // Straight there is best; else the furthest on the way (the walk goes on from there).
      if (!chosen || next > chosen.next) chosen = { value, next };
      if (next === target) break;
    }
    if (!chosen || !answerMatches({ op: 'answered' }, chosen.value)) return null;
    answers[questions[i].id] = chosen.value;
    i = chosen.next;
  }
  return i === target && resumeAt(questions, answers) === target ? answers : null;
}

/**
 * Standing at `step` (0-based; `questions.length` is the thank-you): the
 * questions before it answered as a respondent reaching it would have. When
 * the logic makes it unreachable, the survey starts at it instead (the
 * questions before are left out; jumps only go forward, so the rest holds).
 */
export function previewSurvey(draft: SurveyDraft, step: number, workspaceName: string): WidgetSurvey {
  const at = Math.max(0, Math.min(step, draft.questions.length));
  const questions = draft.questions.map((q, i) => previewQuestion(q, i, draft.questions, workspaceName));
  const title = draft.thankYouTitle.trim();
  const thankYou = title || draft.thankYouBody.trim() ? { title, body: previewBody(draft.thankYouBody, workspaceName) } : null;
  const answers = answersReaching(questions, at);
  return {
    questions: answers ? questions : questions.slice(at),
    thank_you: thankYou,
    display: draft.display,
    answers: answers ?? {},
  };
}
