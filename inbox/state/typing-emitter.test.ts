import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingEmitter } from './typing-emitter.js';

describe('createTypingEmitter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('emits true once per throttle window while typing, then false after the idle delay', () => {
    const emit = vi.fn();
    const typing = createTypingEmitter({ emit, throttleMs: 2_000, idleMs: 3_000 });
    typing.input();
    vi.advanceTimersByTime(500);
    typing.input();
    vi.advanceTimersByTime(500);
    typing.input();
    expect(emit.mock.calls).toEqual([[true]]);
    vi.advanceTimersByTime(1_000);
    typing.input(); // 2 s after the first notice: refresh it
    expect(emit.mock.calls).toEqual([[true], [true]]);
    vi.advanceTimersByTime(2_999);
    expect(emit).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(emit.mock.calls.at(-1)).toEqual([false]);
  });

  it('stop() sends false at once (on send) and only when typing', () => {
    const emit = vi.fn();
    const typing = createTypingEmitter({ emit });
    typing.stop();
    expect(emit).not.toHaveBeenCalled();
    typing.input();
    typing.stop();
    expect(emit.mock.calls).toEqual([[true], [false]]);
    vi.advanceTimersByTime(10_000);
    expect(emit).toHaveBeenCalledTimes(2);
  });

  it('starts again with true after having stopped', () => {
    const emit = vi.fn();
    const typing = createTypingEmitter({ emit });
    typing.input();
    typing.stop();
    typing.input();
    expect(emit.mock.calls).toEqual([[true], [false], [true]]);
  });
});
