import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_EXPIRY_MS, createTypingStore } from './typing-store.js';

describe('createTypingStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const visitorTyping = { conversationId: 'c1', typing: true, author: 'visitor' as const, name: null };

  it('shows a typist until they stop, their message arrives, or the notice expires', () => {
    const store = createTypingStore();
    store.apply(visitorTyping);
    expect(store.of('c1').value).toEqual(visitorTyping);
    store.apply({ ...visitorTyping, typing: false });
    expect(store.of('c1').value).toBeNull();

    store.apply(visitorTyping);
    store.clear('c1', 'agent');
    expect(store.of('c1').value).not.toBeNull();
    store.clear('c1', 'visitor');
    expect(store.of('c1').value).toBeNull();

    store.apply(visitorTyping);
    vi.advanceTimersByTime(TYPING_EXPIRY_MS - 1);
    store.apply(visitorTyping); // refreshed
    vi.advanceTimersByTime(TYPING_EXPIRY_MS - 1);
    expect(store.of('c1').value).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(store.of('c1').value).toBeNull();
    store.dispose();
  });
});
