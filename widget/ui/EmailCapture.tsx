import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/index.js';

interface Props {
  strings: Strings;
  onSave: (email: string) => Promise<void>;
}

/**
 * Pre-chat email capture (when the workspace asks for it): an anonymous visitor
 * leaves an address before the first message, so the team can reply by email.
 */
export function EmailCapture({ strings, onSave }: Props) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  return (
    <form
      class="email-capture"
      // Our own message in a live region instead of the browser's bubble, which screen readers miss.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!input.current?.checkValidity()) {
          setError(strings.emailInvalid);
          return;
        }
        setBusy(true);
        setError(null);
        onSave(email.trim()).catch(() => {
          setError(strings.emailInvalid);
          setBusy(false);
        });
      }}
    >
      <p>{strings.emailPrompt}</p>
      <label class="visually-hidden" for="parley-email">
        {strings.emailLabel}
      </label>
      <div class="row">
        <input
          id="parley-email"
          ref={input}
          type="email"
          required
          autocomplete="email"
          placeholder={strings.emailPlaceholder}
          value={email}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'parley-email-error' : undefined}
          onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="send" disabled={busy}>
          {strings.emailContinue}
        </button>
      </div>
      {error && (
        <p id="parley-email-error" class="fail" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
