import { describe, expect, it } from 'vitest';
import { answerMatches, nextQuestion, resumeAt } from './logic.js';
import type { SurveyQuestion } from './models.js';

const questions: SurveyQuestion[] = [
  {
    id: 'nps',
    type: 'nps',
    text: 'How likely are you to recommend us?',
    logic: [
      { if: { op: 'lte', value: 6 }, goto: 'better' },
      { if: { op: 'gte', value: 9 }, goto: 'review' },
    ],
  },
  { id: 'passive', type: 'text', text: 'What would make it a 10?', logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'better', type: 'text', text: 'What could we do better?', logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'review', type: 'single', text: 'Would you leave a review?', options: ['Yes', 'No'] },
];

describe('survey logic', () => {
  it('sends detractors, passives and promoters their own way', () => {
    expect(nextQuestion(questions, 0, 3)).toBe(2);
    expect(nextQuestion(questions, 0, 8)).toBe(1);
    expect(nextQuestion(questions, 0, 10)).toBe(3);
    expect(nextQuestion(questions, 2, 'Faster exports')).toBe(4); // end
    expect(nextQuestion(questions, 3, 'Yes')).toBe(4);
  });

  it('walks the path of a half-answered survey (to resume it)', () => {
    expect(resumeAt(questions, {})).toBe(0);
    expect(resumeAt(questions, { nps: 2 })).toBe(2);
    expect(resumeAt(questions, { nps: 8 })).toBe(1);
    expect(resumeAt(questions, { nps: 10 })).toBe(3);
    expect(resumeAt(questions, { nps: 10, review: 'Yes' })).toBe(4);
  });

  it('matches conditions on numbers, choices and lists', () => {
    expect(answerMatches({ op: 'eq', value: 'Yes' }, 'Yes')).toBe(true);
    expect(answerMatches({ op: 'in', value: ['a', 'b'] }, ['c', 'b'])).toBe(true);
    expect(answerMatches({ op: 'neq', value: 'a' }, ['a'])).toBe(false);
    expect(answerMatches({ op: 'lte', value: 6 }, '3')).toBe(false);
    expect(answerMatches({ op: 'skipped' }, [])).toBe(true);
    expect(answerMatches({ op: 'answered' }, 0)).toBe(true);
  });

  it('never jumps backwards, even if a stored survey says so', () => {
    const back: SurveyQuestion[] = [
      { id: 'a', type: 'text', text: 'A' },
      { id: 'b', type: 'text', text: 'B', logic: [{ if: { op: 'answered' }, goto: 'a' }] },
    ];
    expect(nextQuestion(back, 1, 'x')).toBe(2);
  });
});
