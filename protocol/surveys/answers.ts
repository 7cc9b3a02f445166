/**
 * Which answers a survey accepts: each answer must fit its question (an NPS is
 * a whole number 0–10, a choice one of the options unless "Other" is allowed,
 * and so on). Returns the clean answers or the first problem. Pure and
 * zod-free, so the widget could use it too.
 */
import type { AnswerValue, Answers, SurveyQuestion } from './models.js';

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The range of a scale question (NPS 0–10, CSAT 1–5, CES 1–7, rating 1–N); null for the others. */
export function scaleRange(q: Pick<SurveyQuestion, 'type' | 'scale'>): [number, number] | null {
  switch (q.type) {
    case 'nps':
      return [0, 10];
    case 'csat':
      return [1, 5];
    case 'ces':
      return [1, 7];
    case 'rating':
      return [1, q.scale !== undefined && Number.isInteger(q.scale) && q.scale >= 3 && q.scale <= 10 ? q.scale : 5];
    default:
      return null;
  }
}

function fits(q: SurveyQuestion, value: AnswerValue): boolean {
  const scale = scaleRange(q);
  if (scale) return isInt(value, scale[0], scale[1]);
  const options = q.options ?? [];
  const choice = (v: unknown) => typeof v === 'string' && v.trim() !== '' && (options.includes(v) || q.allow_other === true);
  if (q.type === 'single') return choice(value);
  if (q.type === 'multi') return Array.isArray(value) && value.every(choice) && new Set(value).size === value.length;
  return typeof value === 'string';
}

export function checkAnswers(questions: readonly SurveyQuestion[], answers: Answers): { ok: true; answers: Answers } | { ok: false; problem: string } {
  const clean: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    if (!q) return { ok: false, problem: `answers.${id}: no such question` };
    if (!fits(q, value)) return { ok: false, problem: `answers.${id}: not a valid answer to a ${q.type} question` };
    clean[id] = typeof value === 'string' ? value.trim() : value;
  }
  return { ok: true, answers: clean };
}
