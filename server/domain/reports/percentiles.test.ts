/** Percentiles on fixed fixtures: empty, one sample, odd and even counts, unsorted input, the bounds. */
import { describe, expect, it } from 'vitest';
import { median, percentile } from './percentiles.js';

describe('median', () => {
  it('is null without values, the value itself for one', () => {
    expect(median([])).toBeNull();
    expect(median([42])).toBe(42);
  });

  it('is the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([1, 2])).toBe(1.5);
    expect(median([5, 5, 5, 100])).toBe(5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('interpolates between ranks', () => {
    // rank = 9 × 0.9 = 8.1 → 90 + 0.1 × 10
    expect(percentile(ten, 90)).toBeCloseTo(91, 10);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBeCloseTo(46, 10);
    expect(percentile([60, 120], 90)).toBeCloseTo(114, 10);
    expect(percentile([1, 2, 3, 4], 25)).toBeCloseTo(1.75, 10);
  });

  it('is the minimum at 0 and the maximum at 100, and one sample everywhere', () => {
    expect(percentile(ten, 0)).toBe(10);
    expect(percentile(ten, 100)).toBe(100);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });

  it('refuses a percentile outside 0–100', () => {
    expect(() => percentile(ten, 101)).toThrow(RangeError);
    expect(() => percentile(ten, Number.NaN)).toThrow(RangeError);
  });
});
