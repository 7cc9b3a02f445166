/**
 * The score maths of survey results, pure so the edge cases are tested alone:
 * NPS = % promoters (9–10) − % detractors (0–6); CSAT = % of 4–5 answers;
 * CES = the average of 1–7. No answers → null, never NaN.
 */
import type { NpsScore, ScoreSet } from './models.js';

export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export function npsScore(scores: readonly number[]): NpsScore {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const s of scores) {
    const c = npsCategory(s);
    if (c === 'promoter') promoters += 1;
    else if (c === 'passive') passives += 1;
    else detractors += 1;
  }
  const total = scores.length;
  // Rounded to a whole number, as NPS is always reported.
  const score = total === 0 ? null : Math.round(((promoters - detractors) / total) * 100);
  return { score, promoters, passives, detractors, total };
}

export function csatScore(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  return Math.round((ratings.filter((r) => r >= 4).length / ratings.length) * 1000) / 10;
}

export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** The three scores over the numeric answers of each kind. */
export function scoreSet(responses: number, answers: { nps: number[]; csat: number[]; ces: number[] }): ScoreSet {
  return {
    responses,
    nps: answers.nps.length ? npsScore(answers.nps) : null,
    csat: csatScore(answers.csat),
    ces: average(answers.ces),
  };
}
