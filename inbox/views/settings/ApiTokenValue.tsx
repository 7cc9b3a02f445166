/**
 * A new API token's value, the one time it is shown: a warning, the value
 * (read-only), a Copy button, and gone once the admin says it is saved. Focus
 * lands on the notice so a screen reader reads it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from '../../host/copy-text.js';

const FEEDBACK = {
  copied: 'Token copied.',
  selected: 'Token selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  failed: 'Could not copy: select the token and copy it by hand.',
} as const;

export interface ApiTokenValueProps {
  name: string;
  value: string;
  onDone(): void;
}

export function ApiTokenValue({ name, value, onDone }: ApiTokenValueProps) {
  const box = useRef<HTMLDivElement>(null);
  const code = useRef<HTMLElement>(null);
  const [feedback, setFeedback] = useState('');

  useEffect(() => box.current?.focus(), []);

  return (
    <div class="api-token-value" role="region" aria-labelledby="api-token-value-title" tabIndex={-1} ref={box}>
      <h3 id="api-token-value-title" class="api-token-value__title">
        API token “{name}” created
      </h3>
      <p class="api-token-value__warning">
        Copy it now: it is shown only once, and Parley keeps only a hash of it. Anyone who has it can call the API with its scopes, so store
        it like a password and revoke it if it leaks.
      </p>
      <code class="api-token-value__value" ref={code} aria-label="Token value">
        {value}
      </code>
      <div class="settings__row">
        <button
          type="button"
          class="button"
          onClick={async () => {
            setFeedback('');
            setFeedback(FEEDBACK[await copyText(value, code.current)]);
          }}
        >
          Copy token
        </button>
        <button type="button" class="button button--primary" onClick={onDone}>
          I have saved it
        </button>
        {/* Always in the DOM: a live region added together with its text is often not announced. */}
        <span class="settings__copy-status" role="status">
          {feedback}
        </span>
      </div>
    </div>
  );
}
