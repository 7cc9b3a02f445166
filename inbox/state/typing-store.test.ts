import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_EXPIRY_MS, createTypingStore } from './typing-store.js';

describe('createTypingStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const visitorTyping = { conversationId: 'c1', typing: true, author: 'visitor' as const, name: null };
  const graceTyping = { conversationId: 'c1', typing: true, author: 'agent' as const, name: 'Grace' };

  it('shows a typist until they stop, their message arrives, or the notice expires', () => {
    const store = createTypingStore();
    store.apply(visitorTyping);
    expect(store.of('c1').value).toEqual([visitorTyping]);
    store.apply({ ...visitorTyping, typing: false });
    expect(store.of('c1').value).toEqual([]);

    store.apply(visitorTyping);
    store.clear('c1', 'agent');
    expect(store.of('c1').value).toHaveLength(1);
    store.clear('c1', 'visitor');
    expect(store.of('c1').value).toEqual([]);

    store.apply(visitorTyping);
    vi.advanceTimersByTime(TYPING_EXPIRY_MS - 1);
    store.apply(visitorTyping); // refreshed
    vi.advanceTimersByTime(TYPING_EXPIRY_MS - 1);
    expect(store.of('c1').value).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(store.of('c1').value).toEqual([]);
    store.dispose();
  });

  it('keeps the visitor and each teammate apart, and ignores the agent’s own other tabs', () => {
    const store = createTypingStore({ selfName: 'Ada' });
    store.apply(visitorTyping);
    store.apply(graceTyping);
    store.apply({ ...graceTyping, name: 'Ada' });
    expect(store.of('c1').value.map((n) => n.name)).toEqual([null, 'Grace']);

    // Grace's reply ends her indicator only; the visitor is still typing.
    store.clear('c1', 'agent', 'Grace');
    expect(store.of('c1').value).toEqual([visitorTyping]);

    store.apply(graceTyping);
    vi.advanceTimersByTime(TYPING_EXPIRY_MS / 2);
    store.apply(visitorTyping);
    vi.advanceTimersByTime(TYPING_EXPIRY_MS / 2);
    expect(store.of('c1').value).toEqual([visitorTyping]);
    store.dispose();
  });
});
