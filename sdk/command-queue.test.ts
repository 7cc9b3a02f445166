import { describe, expect, it } from 'vitest';
import { replayQueue } from './command-queue.js';
import type { MessengerApi } from './types.js';

describe('replayQueue', () => {
  it('replays queued calls in order, skips unknown methods and empties the queue', () => {
    const calls: string[] = [];
    const target = {
      boot: (o: { appId: string }) => calls.push(`boot:${o.appId}`),
      track: (n: string) => calls.push(`track:${n}`),
    } as unknown as MessengerApi;
    const stub = { q: [['boot', [{ appId: 'demo' }]], ['nope', []], ['track', ['a']], ['track', ['b']]] as Array<[string, unknown[]]> };
    replayQueue(stub, target);
    expect(calls).toEqual(['boot:demo', 'track:a', 'track:b']);
    expect(stub.q).toEqual([]);
  });

  it('accepts a missing stub', () => {
    expect(() => replayQueue(undefined, {} as MessengerApi)).not.toThrow();
  });
});

describe('utcOffset', () => {
  it('formats getTimezoneOffset minutes as a UTC offset', async () => {
    const { utcOffset } = await import('./messenger.js');
    expect(utcOffset(-420)).toBe('UTC+07:00');
    expect(utcOffset(0)).toBe('UTC+00:00');
    expect(utcOffset(330)).toBe('UTC-05:30');
  });
});
