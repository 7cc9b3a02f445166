import { describe, expect, it } from 'vitest';
import { formatSize } from './format-size.js';

describe('formatSize', () => {
  it('uses B, KB and MB with at most one decimal', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1024)).toBe('1 KB');
    expect(formatSize(250_000)).toBe('244 KB');
    expect(formatSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatSize(1.45 * 1024 * 1024)).toBe('1.4 MB');
  });
});
