import { describe, expect, it } from 'vitest';
import { formatCount, formatRate } from './stats.js';

describe('stats formats', () => {
  it('prints counts and rates, with a dash for nothing', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(null)).toBe('—');
    expect(formatRate(0.125)).toBe('12.5%');
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
  });
});
