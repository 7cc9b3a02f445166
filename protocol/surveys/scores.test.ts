import { describe, expect, it } from 'vitest';
import { average, csatScore, npsCategory, npsScore, scoreSet } from './scores.js';

describe('NPS', () => {
  it.each([
    [[], null, 0],
    [[7, 8, 7, 8], 0, 4], // all passives
    [[10, 9, 10], 100, 3],
    [[0, 3, 6], -100, 3],
    [[10, 9, 8, 7, 6, 0], 0, 6],
    [[10, 9, 9, 0], 50, 4],
    [[10, 6, 6], -33, 3], // rounded
  ])('%j → %s', (scores, expected, total) => {
    const nps = npsScore(scores);
    expect(nps.score).toBe(expected);
    expect(nps.total).toBe(total);
    expect(nps.promoters + nps.passives + nps.detractors).toBe(total);
  });

  it('categorises 0–6, 7–8 and 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
});

describe('CSAT and CES', () => {
  it('CSAT is the share of 4 and 5, null without answers', () => {
    expect(csatScore([])).toBeNull();
    expect(csatScore([5, 4, 3, 1])).toBe(50);
    expect(csatScore([3, 3])).toBe(0);
    expect(csatScore([4, 5, 5])).toBe(100);
    expect(csatScore([5, 1, 1])).toBe(33.3);
  });

  it('CES is the average, null without answers', () => {
    expect(average([])).toBeNull();
    expect(average([1, 7])).toBe(4);
    expect(average([2, 3, 3])).toBe(2.67);
  });

  it('a score set leaves out what was not asked', () => {
    expect(scoreSet(0, { nps: [], csat: [], ces: [] })).toEqual({ responses: 0, nps: null, csat: null, ces: null });
    expect(scoreSet(2, { nps: [10, 0], csat: [], ces: [5] })).toMatchObject({ responses: 2, nps: { score: 0 }, csat: null, ces: 5 });
  });
});
