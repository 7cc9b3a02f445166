/**
 * Turns keystrokes into few `typing` notices: `true` at most once per
 * `throttleMs` while the agent types, `false` after `idleMs` without a key or
 * at once when the message is sent. The visitor's widget shows the indicator
 * from these alone, so a missed `false` would leave it stuck: every path that
 * stops typing (send, idle, switching conversation) goes through `stop`.
 */
export interface TypingEmitterOptions {
  emit(typing: boolean): void;
  throttleMs?: number;
  idleMs?: number;
  now?: () => number;
}

export interface TypingEmitter {
  /** Call on every input event of the composer. */
  input(): void;
  /** Call on send, blur or when leaving the conversation. */
  stop(): void;
}

export function createTypingEmitter(options: TypingEmitterOptions): TypingEmitter {
  const throttleMs = options.throttleMs ?? 2_000;
  const idleMs = options.idleMs ?? 3_000;
  const now = options.now ?? Date.now;
  let typing = false;
  let lastEmit = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function stop(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (!typing) return;
    typing = false;
    options.emit(false);
  }

  return {
    input() {
      const at = now();
      if (!typing || at - lastEmit >= throttleMs) {
        typing = true;
        lastEmit = at;
        options.emit(true);
      }
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(stop, idleMs);
    },
    stop,
  };
}
