import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/index.js';
import { EmojiPicker } from './EmojiPicker.js';

interface Props {
  strings: Strings;
  initialText?: string;
  onSend: (body: string) => void;
  onTyping: (typing: boolean) => void;
}

const TYPING_IDLE_MS = 3_000;

/** The message box: Enter sends, Shift+Enter adds a line. Typing notices are throttled and stop after 3 s idle. */
export function Composer({ strings, initialText, onSend, onTyping }: Props) {
  const [text, setText] = useState(initialText ?? '');
  const area = useRef<HTMLTextAreaElement>(null);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    area.current?.focus();
    return () => clearTimeout(idle.current);
  }, []);
  useEffect(() => {
    if (initialText !== undefined) setText(initialText);
  }, [initialText]);

  const stopTyping = () => {
    clearTimeout(idle.current);
    if (typing.current) {
      typing.current = false;
      onTyping(false);
    }
  };

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    onSend(body);
    setText('');
    stopTyping();
    area.current?.focus();
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={area}
        rows={1}
        aria-label={strings.message}
        placeholder={strings.messagePlaceholder}
        value={text}
        maxLength={10_000}
        onInput={(e) => {
          setText((e.target as HTMLTextAreaElement).value);
          if (!typing.current) {
            typing.current = true;
            onTyping(true);
          }
          clearTimeout(idle.current);
          idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <EmojiPicker
        strings={strings}
        onPick={(emoji) => {
          const el = area.current;
          const at = el?.selectionStart ?? text.length;
          setText(text.slice(0, at) + emoji + text.slice(el?.selectionEnd ?? at));
          requestAnimationFrame(() => el?.setSelectionRange(at + emoji.length, at + emoji.length));
        }}
      />
      <button type="submit" class="send" disabled={!text.trim()}>
        {strings.send}
      </button>
    </form>
  );
}
