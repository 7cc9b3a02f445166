/**
 * Who is typing in which conversation, from `typing` notices. A notice that
 * says "stopped" can be lost (the typist closes the tab), so each indicator
 * also expires on its own, and a message from the typist clears it at once.
 */
import { signal, type Signal } from '@preact/signals';
import type { AuthorType, TypingNotice } from '../../protocol/index.js';

/** Senders repeat `typing: true` every ~2 s while typing; three missed repeats mean they stopped. */
export const TYPING_EXPIRY_MS = 6_000;

export interface TypingStore {
  /** The current typist of a conversation, or null. */
  of(conversationId: string): Signal<TypingNotice | null>;
  apply(notice: TypingNotice): void;
  /** A message arrived from this side: whoever typed it is done. */
  clear(conversationId: string, author: AuthorType): void;
  dispose(): void;
}

export function createTypingStore(): TypingStore {
  const notices = new Map<string, Signal<TypingNotice | null>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function of(conversationId: string): Signal<TypingNotice | null> {
    let notice = notices.get(conversationId);
    if (!notice) {
      notice = signal<TypingNotice | null>(null);
      notices.set(conversationId, notice);
    }
    return notice;
  }

  function reset(conversationId: string): void {
    const timer = timers.get(conversationId);
    if (timer) clearTimeout(timer);
    timers.delete(conversationId);
    of(conversationId).value = null;
  }

  return {
    of,
    apply(notice) {
      if (!notice.typing) {
        reset(notice.conversationId);
        return;
      }
      of(notice.conversationId).value = notice;
      const previous = timers.get(notice.conversationId);
      if (previous) clearTimeout(previous);
      timers.set(notice.conversationId, setTimeout(() => reset(notice.conversationId), TYPING_EXPIRY_MS));
    },
    clear(conversationId, author) {
      const current = notices.get(conversationId)?.value;
      if (current && current.author === author) {
        reset(conversationId);
      }
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
