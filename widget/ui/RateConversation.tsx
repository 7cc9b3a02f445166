/**
 * Under a closed conversation: "How would you rate this conversation?" with
 * five faces (radios named "1"…"5"), then an optional comment and "Send".
 * Once rated (now, or before: `rating` set) it only says thanks. Small on
 * purpose: it lives in the messenger chunk. Native radios: the browser's own
 * arrow-key movement is all it needs.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/index.js';

export interface RateConversationProps {
  strings: Strings;
  /** The rating already given (null: not rated yet). */
  rating: number | null;
  onRate(rating: number, comment?: string): void;
}

const FACES = ['😞', '🙁', '😐', '🙂', '😍'];

export function RateConversation({ strings, rating, onRate }: RateConversationProps) {
  const [choice, setChoice] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const thanks = useRef<HTMLParagraphElement>(null);
  const id = useId();
  const given = rating ?? sent;
  // After "Send" the form is gone: focus its thanks, so focus is not lost and a screen reader reads it.
  useEffect(() => {
    if (sent !== null) thanks.current?.focus();
  }, [sent]);

  if (given !== null) {
    return (
      <p ref={thanks} class="rate rate-done" tabIndex={-1}>
        <span aria-hidden="true">{FACES[given - 1]}</span> {strings.rateThanks}
      </p>
    );
  }
  return (
    <form
      class="rate"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice === null) return;
        onRate(choice, comment.trim() || undefined);
        setSent(choice);
      }}
    >
      <p id={id} class="rate-q">
        {strings.rateConversation}
      </p>
      <div class="rate-faces" role="radiogroup" aria-labelledby={id}>
        {FACES.map((face, i) => (
          <label key={i} class="rate-face">
            <input type="radio" name={id} aria-label={String(i + 1)} checked={choice === i + 1} onChange={() => setChoice(i + 1)} />
            <span aria-hidden="true">{face}</span>
          </label>
        ))}
      </div>
      {choice !== null && (
        <div class="rate-row">
          <input
            type="text"
            aria-label={strings.rateComment}
            placeholder={strings.rateComment}
            maxLength={2000}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <button type="submit" class="send">
            {strings.send}
          </button>
        </div>
      )}
    </form>
  );
}

/** Appended to WIDGET_CSS (the thread's `.root` variables apply). */
export const RATE_CSS = `
.rate{margin:10px 4px 4px;padding:14px 12px;border:1px solid var(--line);border-radius:14px;text-align:center;background:var(--bg)}
.rate-q{margin:0 0 10px;font-weight:600;font-size:14px}
.rate-faces{display:flex;justify-content:center;gap:6px}
.rate-face{position:relative;display:block;cursor:pointer}
.rate-face input{position:absolute;inset:0;z-index:1;inline-size:100%;block-size:100%;margin:0;opacity:0;cursor:pointer}
.rate-face span{display:grid;place-items:center;inline-size:44px;block-size:44px;border-radius:50%;font-size:26px;
  background:var(--bubble);filter:grayscale(.8);opacity:.7;transition:transform .12s}
.rate-face:hover span,.rate-face input:checked+span{filter:none;opacity:1;transform:scale(1.1)}
.rate-face input:checked+span{box-shadow:0 0 0 2px var(--brand)}
.rate-face input:focus-visible+span{outline:3px solid #f59e0b;outline-offset:2px}
.rate-row{display:flex;gap:8px;margin-block-start:12px}
.rate-row input{flex:1;min-inline-size:0;block-size:42px;border:1px solid var(--line);border-radius:10px;padding:0 12px;font:inherit;font-size:16px;color:var(--fg);background:var(--bg)}
.rate-done{color:var(--muted);font-size:14px}
.rate-done:focus{outline:none}
@media (prefers-reduced-motion:reduce){.rate-face span{transition:none}}
`;
