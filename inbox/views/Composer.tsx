/**
 * The reply box. Enter sends, Shift+Enter adds a line (and Enter while an IME
 * is composing picks the candidate, it must not send). Keystrokes become
 * throttled typing notices; sending or leaving the conversation ends them.
 */
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createTypingEmitter } from '../state/typing-emitter.js';
import { useInbox } from './inbox-context.js';
import '../styles/composer.css';

/** Mirrors LIMITS.messageBody in protocol/schemas.ts (a value import there would bundle zod). */
export const MAX_BODY_LENGTH = 10_000;

export function Composer({ conversationId }: { conversationId: string }) {
  const inbox = useInbox();
  const [value, setValue] = useState(() => inbox.drafts.get(conversationId) ?? '');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const typing = useMemo(
    () => createTypingEmitter({ emit: (isTyping) => inbox.emitTyping(conversationId, isTyping) }),
    [inbox, conversationId],
  );

  useEffect(() => () => typing.stop(), [typing]);

  const canSend = value.trim().length > 0 && value.length <= MAX_BODY_LENGTH;

  function update(next: string): void {
    setValue(next);
    if (next) inbox.drafts.set(conversationId, next);
    else inbox.drafts.delete(conversationId);
    if (next.trim()) typing.input();
    else typing.stop();
  }

  function send(): void {
    if (!canSend) return;
    inbox.threads.send(conversationId, value.trim());
    typing.stop();
    update('');
    textarea.current?.focus();
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    send();
  }

  function onSubmit(event: TargetedSubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    send();
  }

  const over = value.length > MAX_BODY_LENGTH;

  return (
    <form class="composer" onSubmit={onSubmit}>
      <label class="visually-hidden" for="composer-reply">
        Reply
      </label>
      <textarea
        id="composer-reply"
        ref={textarea}
        class="composer__input"
        rows={2}
        placeholder="Write a reply…"
        aria-describedby="composer-hint"
        aria-invalid={over || undefined}
        value={value}
        onInput={(event) => update(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => typing.stop()}
      />
      <div class="composer__footer">
        <p id="composer-hint" class={`composer__hint${over ? ' composer__hint--error' : ''}`}>
          {over
            ? `Too long: ${value.length.toLocaleString()} of ${MAX_BODY_LENGTH.toLocaleString()} characters.`
            : 'Enter to send · Shift+Enter for a new line · Markdown supported'}
        </p>
        <button type="submit" class="button button--primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
