import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typingIndicator } from './typing-indicator.js';

describe('typingIndicator', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('shows who types until they stop, or until 8 s pass without news', () => {
    let typing: Record<string, string> = {};
    const indicator = typingIndicator(() => typing, (next) => (typing = next));
    indicator.show('conv1', 'Ana');
    indicator.show('conv2', '');
    expect(typing).toEqual({ conv1: 'Ana', conv2: '' });
    indicator.show('conv2', null);
    expect(typing).toEqual({ conv1: 'Ana' });

    vi.advanceTimersByTime(7_000);
    indicator.show('conv1', 'Ana'); // still typing: the 8 s start again
    vi.advanceTimersByTime(7_000);
    expect(typing).toEqual({ conv1: 'Ana' });
    vi.advanceTimersByTime(1_000);
    expect(typing).toEqual({});
  });

  it('stop() leaves no timer behind', () => {
    let typing: Record<string, string> = {};
    const indicator = typingIndicator(() => typing, (next) => (typing = next));
    indicator.show('conv1', 'Ana');
    indicator.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
