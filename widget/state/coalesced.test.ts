import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesced.js';

describe('coalesced', () => {
  it('runs a burst of calls as one run plus one more pass', async () => {
    let runs = 0;
    const job = coalesced(async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
    });
    await Promise.all([job(), job(), job(), job()]);
    expect(runs).toBe(2);
    await job();
    expect(runs).toBe(3);
  });

  it('starts afresh after a failed run', async () => {
    let runs = 0;
    const job = coalesced(async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    });
    await expect(job()).rejects.toThrow('boom');
    await job();
    expect(runs).toBe(2);
  });
});
