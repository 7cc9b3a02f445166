import { describe, expect, it } from 'vitest';
import { busiestSlot, busiestSummary, heatLevel, hourSpan, normaliseGrid } from './busiest-hours.js';

describe('busiest hours', () => {
  it('finds the busiest slot and says it in words', () => {
    const grid = normaliseGrid([[], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 2]]);
    grid[4][15] = 5; // A tie goes to the first in week order.
    expect(busiestSlot(grid)).toEqual({ day: 1, hour: 10, count: 5 });
    expect(busiestSummary(grid)).toBe('Busiest: Tuesday 10:00–11:00 (5 opened)');
    expect(busiestSummary(normaliseGrid([]))).toBe('No conversations opened in this period.');
  });

  it('fills a short or broken grid with zeros', () => {
    const grid = normaliseGrid([[1, -2, Number.NaN]] as number[][]);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[0].slice(0, 3)).toEqual([1, 0, 0]);
    expect(normaliseGrid(null)[6][23]).toBe(0);
  });

  it('shades cells relative to the busiest, a single conversation still visible', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(1, 100)).toBe(1);
    expect(heatLevel(50, 100)).toBe(2);
    expect(heatLevel(51, 100)).toBe(3);
    expect(heatLevel(100, 100)).toBe(4);
    expect(hourSpan(23)).toBe('23:00–24:00');
  });
});
