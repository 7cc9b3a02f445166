/** "Visitor is typing…", "Grace is typing…" (or both) under the thread, while typing notices are fresh. */
import type { TypingNotice } from '../../protocol/index.js';

export function typingText(notice: TypingNotice): string {
  const fallback = notice.author === 'visitor' ? 'Visitor' : 'A teammate';
  return `${notice.name?.trim() || fallback} is typing…`;
}

/** One line for everyone typing: "Visitor is typing…", "Visitor and Grace are typing…". */
export function typistsText(notices: readonly TypingNotice[]): string {
  if (notices.length === 1) return typingText(notices[0]);
  const names = notices.map((notice) => notice.name?.trim() || (notice.author === 'visitor' ? 'Visitor' : 'A teammate'));
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
}

export function TypingIndicator({ notices }: { notices: readonly TypingNotice[] }) {
  // The row keeps its height when empty so the composer does not jump.
  return (
    <div class="typing-indicator">
      {notices.length > 0 && (
        <p class="typing-indicator__text">
          <span class="typing-indicator__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {typistsText(notices)}
        </p>
      )}
    </div>
  );
}
