/**
 * A webhook's signing secret, the one time it is shown (after "Add" or
 * "Rotate secret"): read-only, with a Copy button, and gone once the admin
 * says it is saved. Focus lands on the notice so a screen reader reads it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from '../../host/copy-text.js';

const FEEDBACK = {
  copied: 'Secret copied.',
  selected: 'Secret selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  failed: 'Could not copy: select the secret and copy it by hand.',
} as const;

export interface WebhookSecretProps {
  url: string;
  secret: string;
  /** "created" or "rotated": the first line says which. */
  reason: 'created' | 'rotated';
  onDone(): void;
}

export function WebhookSecret({ url, secret, reason, onDone }: WebhookSecretProps) {
  const box = useRef<HTMLDivElement>(null);
  const code = useRef<HTMLElement>(null);
  const [feedback, setFeedback] = useState('');

  useEffect(() => box.current?.focus(), []);

  return (
    <div class="webhook-secret" role="region" aria-labelledby="webhook-secret-title" tabIndex={-1} ref={box}>
      <h3 id="webhook-secret-title" class="webhook-secret__title">
        {reason === 'created' ? 'Webhook added: its signing secret' : 'New signing secret'}
      </h3>
      <p class="settings__hint">
        Store it with your endpoint ({url}) to check the <code>Parley-Signature</code> header. It is shown only now
        {reason === 'rotated' ? '; the old secret no longer signs.' : '.'}
      </p>
      <code class="webhook-secret__value" ref={code}>
        {secret}
      </code>
      <div class="settings__row">
        <button
          type="button"
          class="button"
          onClick={async () => {
            setFeedback('');
            setFeedback(FEEDBACK[await copyText(secret, code.current)]);
          }}
        >
          Copy secret
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
