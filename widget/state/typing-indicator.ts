/**
 * Which agent is typing where, as the server tells us: on with their name,
 * off when they stop, send a message, or go quiet for 8 s. The names live in
 * the chat client's state (`typing`); this keeps the timers.
 */
export interface TypingIndicator {
  /** `name` null: nobody types in that conversation now. */
  show(conversationId: string, name: string | null): void;
  /** Clears the pending timers (the client closes). */
  stop(): void;
}

export function typingIndicator(typing: () => Record<string, string>, setTyping: (typing: Record<string, string>) => void): TypingIndicator {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  function show(conversationId: string, name: string | null): void {
    clearTimeout(timers.get(conversationId));
    const next = { ...typing() };
    if (name === null) delete next[conversationId];
    else {
      next[conversationId] = name;
      // A lost "stopped typing" must not leave the indicator on forever.
      timers.set(conversationId, setTimeout(() => show(conversationId, null), 8_000));
    }
    setTyping(next);
  }
  return { show, stop: () => timers.forEach((t) => clearTimeout(t)) };
}
