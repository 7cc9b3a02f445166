/**
 * The reply box, in two modes. "Reply" writes to the visitor: Enter sends,
 * Shift+Enter adds a line (and Enter while an IME is composing picks the
 * candidate, it must not send); keystrokes become throttled typing notices;
 * "Attach a file" uploads at once; `/` at the start offers canned replies.
 * "Note" writes an internal note for the team (`POST …/notes`, never a
 * message, no typing notice the visitor could see); `@` offers teammates.
 */
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http.js';
import type { Replacement } from '../state/composer-suggestions.js';
import { createTypingEmitter } from '../state/typing-emitter.js';
import { ComposerFiles } from './ComposerFiles.js';
import { useInbox } from './inbox-context.js';
import { SendSurveyPanel } from './SendSurvey.js';
import { comboboxProps, SuggestionListbox } from './SuggestionListbox.js';
import { useComposerFiles } from './use-composer-files.js';
import { useComposerSuggestions, type ComposerMode } from './use-composer-suggestions.js';
import '../styles/composer.css';
import '../styles/notes.css';

/** Mirrors LIMITS.messageBody in protocol/schemas.ts (a value import there would bundle zod); a note's limit is the same. */
export const MAX_BODY_LENGTH = 10_000;
export { MAX_ATTACHMENTS } from './use-composer-files.js';

const draftKey = (mode: ComposerMode, conversationId: string) => (mode === 'note' ? `note:${conversationId}` : conversationId);

const HINTS: Record<ComposerMode, string> = {
  reply: 'Enter to send · Shift+Enter for a new line · / for canned replies',
  note: 'Only your team sees notes · Enter to add · @ to mention a teammate',
};

export function Composer({ conversationId }: { conversationId: string }) {
  const inbox = useInbox();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [value, setValue] = useState(() => inbox.drafts.get(conversationId) ?? '');
  const [error, setError] = useState('');
  const [posting, setPosting] = useState(false);
  const [surveyOpen, setSurveyOpen] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const caretAfterRender = useRef<number | null>(null);
  const files = useComposerFiles();
  const typing = useMemo(
    () => createTypingEmitter({ emit: (isTyping) => inbox.emitTyping(conversationId, isTyping) }),
    [inbox, conversationId],
  );
  const note = mode === 'note';

  useEffect(() => () => typing.stop(), [typing]);

  useLayoutEffect(() => {
    const caret = caretAfterRender.current;
    if (caret === null || !textarea.current) return;
    caretAfterRender.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(caret, caret);
  });

  const suggestions = useComposerSuggestions({
    mode,
    conversationId,
    text: value,
    replace: (next: Replacement) => {
      update(next.text);
      caretAfterRender.current = next.caret;
      suggestions.track(next.text, next.caret);
    },
    onError: setError,
  });

  const over = value.length > MAX_BODY_LENGTH;
  const canSend = note
    ? !posting && value.trim().length > 0 && !over
    : !files.uploading && (value.trim().length > 0 || files.ready.length > 0) && !over;

  function update(next: string): void {
    setValue(next);
    const key = draftKey(mode, conversationId);
    if (next) inbox.drafts.set(key, next);
    else inbox.drafts.delete(key);
    // A note is for the team: the visitor must not see "typing…" for it.
    if (note) return;
    if (next.trim()) typing.input();
    else typing.stop();
  }

  function switchMode(next: ComposerMode): void {
    if (next === mode) return;
    typing.stop();
    setMode(next);
    setValue(inbox.drafts.get(draftKey(next, conversationId)) ?? '');
    setError('');
    setSurveyOpen(false);
    textarea.current?.focus();
  }

  function send(): void {
    if (!canSend) return;
    if (note) {
      addNote();
      return;
    }
    inbox.threads.send(conversationId, value.trim(), files.ready);
    typing.stop();
    update('');
    files.clear();
    setError('');
    textarea.current?.focus();
  }

  function addNote(): void {
    const body = value.trim();
    setPosting(true);
    setError('');
    inbox.notes.add(conversationId, body).then(
      () => {
        // Only if the agent hasn't started another note meanwhile.
        setValue((now) => (now.trim() === body ? '' : now));
        if (inbox.drafts.get(draftKey('note', conversationId))?.trim() === body) inbox.drafts.delete(draftKey('note', conversationId));
        inbox.announcer.announce('Note added.');
      },
      (failure: unknown) => setError(`Could not add the note: ${failure instanceof ApiError ? failure.message : 'try again.'}`),
    ).finally(() => setPosting(false));
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLTextAreaElement>): void {
    if (suggestions.onKeyDown(event)) return;
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    send();
  }

  function onSubmit(event: TargetedSubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    send();
  }

  const track = (element: HTMLTextAreaElement) => suggestions.track(element.value, element.selectionStart ?? element.value.length);

  return (
    <form class={`composer${note ? ' composer--note' : ''}`} onSubmit={onSubmit}>
      <div class="composer__modes segmented" role="group" aria-label="Compose as">
        {(['reply', 'note'] as const).map((option) => (
          <button key={option} type="button" class="segmented__option" aria-pressed={mode === option} onClick={() => switchMode(option)}>
            {option === 'reply' ? 'Reply' : 'Note'}
          </button>
        ))}
      </div>
      {suggestions.open && (
        <SuggestionListbox
          id={suggestions.listId}
          label={suggestions.label}
          options={suggestions.options}
          active={suggestions.active}
          onPick={suggestions.pick}
        />
      )}
      <label class="visually-hidden" for="composer-reply">
        {note ? 'Note' : 'Reply'}
      </label>
      <textarea
        id="composer-reply"
        ref={textarea}
        class="composer__input"
        rows={2}
        placeholder={note ? 'Write an internal note…' : 'Write a reply…'}
        aria-describedby="composer-hint"
        aria-invalid={over || undefined}
        aria-haspopup="listbox"
        {...comboboxProps(suggestions.listId, suggestions.open, suggestions.active)}
        value={value}
        onInput={(event) => {
          update(event.currentTarget.value);
          track(event.currentTarget);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') track(event.currentTarget);
        }}
        onClick={(event) => track(event.currentTarget)}
        onBlur={() => typing.stop()}
      />
      <p class="composer__upload-error" role="alert">
        {error || files.uploadError}
      </p>
      {!note && (
        <ComposerFiles
          files={files.files}
          onRemove={(key) => {
            files.remove(key);
            textarea.current?.focus();
          }}
        />
      )}
      {surveyOpen && !note && (
        <SendSurveyPanel
          conversationId={conversationId}
          intro={value}
          onSent={() => {
            update('');
            setSurveyOpen(false);
            textarea.current?.focus();
          }}
          onClose={() => {
            setSurveyOpen(false);
            textarea.current?.focus();
          }}
        />
      )}
      <div class="composer__footer">
        <p id="composer-hint" class={`composer__hint${over ? ' composer__hint--error' : ''}`}>
          {over ? `Too long: ${value.length.toLocaleString()} of ${MAX_BODY_LENGTH.toLocaleString()} characters.` : HINTS[mode]}
        </p>
        {!note && (
          <>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              onChange={(event) => {
                files.attach([...(event.currentTarget.files ?? [])]);
                event.currentTarget.value = ''; // the same file can be picked again
              }}
            />
            <button type="button" class="button button--ghost" onClick={() => picker.current?.click()}>
              Attach a file
            </button>
            <button type="button" class="button button--ghost" aria-expanded={surveyOpen} onClick={() => setSurveyOpen(!surveyOpen)}>
              Send a survey
            </button>
          </>
        )}
        <button type="submit" class="button button--primary" disabled={!canSend} aria-busy={posting || undefined}>
          {note ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>
  );
}
