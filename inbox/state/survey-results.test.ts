import { describe, expect, it } from 'vitest';
import type { QuestionResult } from '../../protocol/index.js';
import {
  breakdownParam,
  dateRangeQuery,
  dayScore,
  formatCes,
  formatCsat,
  formatNps,
  headlineScore,
  latestTexts,
  niceCeiling,
  npsBars,
  questionBars,
  shareOf,
  trendScore,
} from './survey-results.js';

const result = (overrides: Partial<QuestionResult>): QuestionResult => ({
  id: 'q1',
  type: 'single',
  text: 'Which?',
  answered: 0,
  distribution: {},
  average: null,
  texts: [],
  ...overrides,
});

describe('survey results, as shown', () => {
  it('formats scores with a sign, and a dash (never NaN) when there is nothing to score', () => {
    expect(formatNps(100)).toBe('+100');
    expect(formatNps(0)).toBe('0');
    expect(formatNps(-12)).toBe('-12');
    expect(formatNps(null)).toBe('—');
    expect(formatNps(Number.NaN)).toBe('—');
    expect(formatCsat(85.7)).toBe('85.7%');
    expect(formatCsat(null)).toBe('—');
    expect(formatCes(5.25)).toBe('5.3');
    expect(formatCes(undefined)).toBe('—');
    expect(shareOf(1, 3)).toBe('33%');
    expect(shareOf(0, 0)).toBe('—');
  });

  it('leads with NPS, else CSAT, else CES', () => {
    expect(headlineScore({ nps: { score: 20, promoters: 2, passives: 1, detractors: 1, total: 4 }, csat: 90, ces: null })).toEqual({ label: 'NPS', text: '+20' });
    expect(headlineScore({ nps: null, csat: 90, ces: 3 })).toEqual({ label: 'CSAT', text: '90%' });
    expect(headlineScore({ nps: null, csat: null, ces: 3 })).toEqual({ label: 'CES', text: '3.0' });
    expect(headlineScore({ nps: null, csat: null, ces: null })).toBeNull();
    expect(trendScore({ nps: null, csat: null, ces: 3 })).toBe('ces');
    expect(dayScore({ responses: 1, nps: { score: null, promoters: 0, passives: 0, detractors: 0, total: 0 }, csat: null, ces: null }, 'nps')).toBeNull();
  });

  it('colours NPS bars by category, 0 to 10', () => {
    const bars = npsBars({ '0': 1, '7': 2, '10': 3 });
    expect(bars).toHaveLength(11);
    expect(bars.map((b) => b.tone)).toEqual([...Array(7).fill('detractor'), 'passive', 'passive', 'promoter', 'promoter']);
    expect(bars.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3]);
  });

  it('lists choice bars in the survey’s order with Other, then answers no longer offered', () => {
    const bars = questionBars(result({ distribution: { Docs: 1, Speed: 4, other: 2, Legacy: 1 } }), {
      id: 'q1',
      type: 'single',
      text: 'Which?',
      options: ['Speed', 'Price', 'Docs'],
      allow_other: true,
    });
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ['Speed', 4],
      ['Price', 0],
      ['Docs', 1],
      ['Other', 2],
      ['Legacy', 1],
    ]);
    expect(questionBars(result({ type: 'rating', distribution: { '2': 1 } }), { id: 'q1', type: 'rating', text: '', scale: 3 }).map((b) => b.label)).toEqual(['1', '2', '3']);
    expect(questionBars(result({ type: 'text' }), undefined)).toEqual([]);
  });

  it('rounds a count axis up', () => {
    expect([0, 1, 3, 7, 12, 51, 200].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 100, 200]);
  });

  it('lists text answers newest first', () => {
    const texts = latestTexts({
      questions: [
        result({ id: 'q2', text: 'Why?', texts: [{ contact_id: 'c1', answer: 'old', at: '2025-01-01T00:00:00Z' }] }),
        result({ id: 'q3', text: 'Else?', texts: [{ contact_id: 'c2', answer: 'new', at: '2025-02-01T00:00:00Z' }] }),
      ],
    });
    expect(texts.map((t) => [t.answer, t.question])).toEqual([
      ['new', 'Else?'],
      ['old', 'Why?'],
    ]);
  });

  it('builds the query: breakdown and whole local days', () => {
    expect(breakdownParam('none', 'plan')).toBeUndefined();
    expect(breakdownParam('trait', ' plan ')).toBe('trait:plan');
    expect(breakdownParam('trait', 'bad key')).toBeUndefined();
    expect(breakdownParam('segment', '')).toBe('segment');
    const range = dateRangeQuery('2025-03-01', '2025-03-02');
    expect(new Date(range.from ?? '').getTime()).toBe(new Date(2025, 2, 1).getTime());
    expect(new Date(range.to ?? '').getTime()).toBe(new Date(2025, 2, 3).getTime());
    expect(dateRangeQuery('', 'nope')).toEqual({});
  });
});
