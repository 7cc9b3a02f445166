/**
 * The reply box. Enter sends, Shift+Enter adds a line (and Enter while an IME
 * is composing picks the candidate, it must not send). Keystrokes become
 * throttled typing notices; sending or leaving the conversation ends them.
 * "Attach a file" uploads at once; the reply goes out when every upload is done.
 */
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Attachment } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { formatSize } from '../../widget/ui/format-size.js';
import { createTypingEmitter } from '../state/typing-emitter.js';
import { useInbox } from './inbox-context.js';
import { SendSurveyPanel } from './SendSurvey.js';
import '../styles/composer.css';

/** Mirrors LIMITS.messageBody in protocol/schemas.ts (a value import there would bundle zod). */
export const MAX_BODY_LENGTH = 10_000;
/** Mirrors LIMITS.attachmentsPerMessage. */
export const MAX_ATTACHMENTS = 5;

interface PendingFile {
  key: number;
  name: string;
  size: number;
  /** Null while uploading. */
  attachment: Attachment | null;
}

let nextKey = 0;

export function Composer({ conversationId }: { conversationId: string }) {
  const inbox = useInbox();
  const [value, setValue] = useState(() => inbox.drafts.get(conversationId) ?? '');
  const [files, setFiles] = useState<readonly PendingFile[]>([]);
  const [uploadError, setUploadError] = useState('');
  const [surveyOpen, setSurveyOpen] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const typing = useMemo(
    () => createTypingEmitter({ emit: (isTyping) => inbox.emitTyping(conversationId, isTyping) }),
    [inbox, conversationId],
  );

  useEffect(() => () => typing.stop(), [typing]);

  const ready = files.flatMap((f) => (f.attachment ? [f.attachment] : []));
  const uploading = ready.length < files.length;
  const canSend = !uploading && (value.trim().length > 0 || ready.length > 0) && value.length <= MAX_BODY_LENGTH;

  function update(next: string): void {
    setValue(next);
    if (next) inbox.drafts.set(conversationId, next);
    else inbox.drafts.delete(conversationId);
    if (next.trim()) typing.input();
    else typing.stop();
  }

  function send(): void {
    if (!canSend) return;
    inbox.threads.send(conversationId, value.trim(), ready);
    typing.stop();
    update('');
    setFiles([]);
    setUploadError('');
    textarea.current?.focus();
  }

  function attach(picked: readonly File[]): void {
    const room = MAX_ATTACHMENTS - files.length;
    setUploadError(picked.length > room ? `At most ${MAX_ATTACHMENTS} files per reply.` : '');
    for (const file of picked.slice(0, Math.max(room, 0))) {
      const key = ++nextKey;
      setFiles((list) => [...list, { key, name: file.name, size: file.size, attachment: null }]);
      inbox.uploadAttachment(file).then(
        (attachment) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, attachment } : f))),
        (error: unknown) => {
          setFiles((list) => list.filter((f) => f.key !== key));
          const reason = error instanceof ApiError ? error.message : 'the upload failed.';
          setUploadError(`Could not attach ${file.name}: ${reason}`);
        },
      );
    }
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
      <p class="composer__upload-error" role="alert">
        {uploadError}
      </p>
      {files.length > 0 && (
        <ul class="composer__files" aria-label="Attachments">
          {files.map((f) => (
            <li key={f.key} class="composer__file" aria-busy={f.attachment ? undefined : true}>
              <span class="composer__file-name">{f.name}</span>
              <span class="composer__file-size">{f.attachment ? formatSize(f.size) : 'Uploading…'}</span>
              <button
                type="button"
                class="link-button"
                aria-label={`Remove ${f.name}`}
                onClick={() => {
                  setFiles((list) => list.filter((x) => x.key !== f.key));
                  textarea.current?.focus();
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {surveyOpen && (
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
          {over
            ? `Too long: ${value.length.toLocaleString()} of ${MAX_BODY_LENGTH.toLocaleString()} characters.`
            : 'Enter to send · Shift+Enter for a new line · Markdown supported'}
        </p>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          onChange={(event) => {
            attach([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = ''; // the same file can be picked again
          }}
        />
        <button type="button" class="button button--ghost" onClick={() => picker.current?.click()}>
          Attach a file
        </button>
        <button type="button" class="button button--ghost" aria-expanded={surveyOpen} onClick={() => setSurveyOpen(!surveyOpen)}>
          Send a survey
        </button>
        <button type="submit" class="button button--primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
