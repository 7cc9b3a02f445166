/** "Visitor is typing…" (or the typist's name) under the thread, while a typing notice is fresh. */
import type { TypingNotice } from '../../protocol/index.js';

export function typingText(notice: TypingNotice): string {
  const fallback = notice.author === 'visitor' ? 'Visitor' : 'A teammate';
  return `${notice.name?.trim() || fallback} is typing…`;
}

export function TypingIndicator({ notice }: { notice: TypingNotice | null }) {
  // The row keeps its height when empty so the composer does not jump.
  return (
    <div class="typing-indicator">
      {notice && (
        <p class="typing-indicator__text">
          <span class="typing-indicator__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {typingText(notice)}
        </p>
      )}
    </div>
  );
}
