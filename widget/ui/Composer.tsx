import { useEffect, useRef, useState } from 'preact/hooks';
import type { Attachment } from '../../protocol/index.js';
import type { Strings } from '../i18n/index.js';
import { EmojiPicker } from './EmojiPicker.js';
import { formatSize } from './format-size.js';
import { CloseIcon, PaperclipIcon } from './icons.js';

interface Props {
  strings: Strings;
  initialText?: string;
  onSend: (body: string, attachments: Attachment[]) => void;
  onTyping: (typing: boolean) => void;
  /** Uploads a picked file; without it there is no attach button. Rejects with `{ code }`. */
  onUpload?: (file: File) => Promise<Attachment>;
  /** The text as it changes (answer suggestions follow it). */
  onText?: (text: string) => void;
}

interface PendingFile {
  key: number;
  name: string;
  size: number;
  /** Null while uploading. */
  attachment: Attachment | null;
}

const TYPING_IDLE_MS = 3_000;
/** Mirrors LIMITS.attachmentsPerMessage in protocol/schemas.ts (a value import there would bundle zod). */
const MAX_FILES = 5;
/** What the server accepts; only a hint for the file picker, the server checks the bytes. */
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.txt,.csv,.md,.log,.docx,.xlsx,.pptx,.odt,.ods,.odp';
let nextKey = 0;

function uploadError(strings: Strings, err: unknown, name: string): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'payload_too_large') return strings.fileTooLarge(name);
  if (code === 'unsupported_media_type') return strings.fileTypeNotAllowed(name);
  return strings.uploadFailed(name);
}

/** The message box: Enter sends, Shift+Enter adds a line. Typing notices are throttled and stop after 3 s idle. */
export function Composer({ strings, initialText, onSend, onTyping, onUpload, onText }: Props) {
  const [text, setText] = useState(initialText ?? '');
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [error, setError] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
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

  const ready = files.flatMap((f) => (f.attachment ? [f.attachment] : []));
  const uploading = ready.length < files.length;
  const canSend = !uploading && (text.trim() !== '' || ready.length > 0);

  const submit = () => {
    if (!canSend) return;
    onSend(text.trim(), ready);
    setText('');
    onText?.('');
    setFiles([]);
    setError('');
    stopTyping();
    area.current?.focus();
  };

  const attach = (picked: File[]) => {
    if (!onUpload) return;
    const room = MAX_FILES - files.length;
    setError(picked.length > room ? strings.tooManyFiles(MAX_FILES) : '');
    for (const file of picked.slice(0, Math.max(room, 0))) {
      const key = ++nextKey;
      setFiles((list) => [...list, { key, name: file.name, size: file.size, attachment: null }]);
      onUpload(file).then(
        (attachment) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, attachment } : f))),
        (err: unknown) => {
          setFiles((list) => list.filter((f) => f.key !== key));
          setError(uploadError(strings, err, file.name));
        },
      );
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p class="upload-error" role="alert">
        {error}
      </p>
      {files.length > 0 && (
        <ul class="pending">
          {files.map((f) => (
            <li key={f.key} aria-busy={f.attachment ? undefined : true}>
              <span class="name">{f.name}</span>
              <span class="size">{f.attachment ? formatSize(f.size) : strings.uploading}</span>
              <button
                type="button"
                class="icon-btn"
                aria-label={strings.removeFile(f.name)}
                onClick={() => {
                  setFiles((list) => list.filter((x) => x.key !== f.key));
                  area.current?.focus();
                }}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <textarea
        ref={area}
        rows={1}
        aria-label={strings.message}
        placeholder={strings.messagePlaceholder}
        value={text}
        maxLength={10_000}
        onInput={(e) => {
          setText((e.target as HTMLTextAreaElement).value);
          onText?.((e.target as HTMLTextAreaElement).value);
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
      {onUpload && (
        <>
          <input
            ref={picker}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            tabIndex={-1}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              attach([...(input.files ?? [])]);
              input.value = ''; // the same file can be picked again
            }}
          />
          <button type="button" class="icon-btn attach" aria-label={strings.attachFile} title={strings.attachFile} onClick={() => picker.current?.click()}>
            <PaperclipIcon />
          </button>
        </>
      )}
      <EmojiPicker
        strings={strings}
        onPick={(emoji) => {
          const el = area.current;
          const at = el?.selectionStart ?? text.length;
          setText(text.slice(0, at) + emoji + text.slice(el?.selectionEnd ?? at));
          requestAnimationFrame(() => el?.setSelectionRange(at + emoji.length, at + emoji.length));
        }}
      />
      <button type="submit" class="send" disabled={!canSend}>
        {strings.send}
      </button>
    </form>
  );
}
