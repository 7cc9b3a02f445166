/** The script tag to paste into the host page (read-only), with a "Copy" button. */
import { useRef, useState } from 'preact/hooks';
import { copyText } from '../host/copy-text.js';

const FEEDBACK = {
  copied: 'Snippet copied.',
  selected: 'Snippet selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  failed: 'Could not copy: select the snippet and copy it by hand.',
} as const;

export function InstallSnippet({ snippet }: { snippet: string }) {
  const preRef = useRef<HTMLPreElement>(null);
  const [feedback, setFeedback] = useState('');

  return (
    <section class="settings__section" aria-labelledby="settings-snippet-title">
      <h2 id="settings-snippet-title" class="settings__section-title">
        Install snippet
      </h2>
      <p class="settings__hint" id="settings-snippet-hint">
        Paste this before <code>&lt;/body&gt;</code> on every page of your app. Calls to <code>Messenger.*</code> made before it loads are
        queued.
      </p>
      {/* Focusable so keyboard users can scroll it; it is a region of code, not an input. */}
      <pre class="snippet" ref={preRef} tabIndex={0} aria-labelledby="settings-snippet-title" aria-describedby="settings-snippet-hint">
        <code>{snippet}</code>
      </pre>
      <div class="settings__row">
        <button
          type="button"
          class="button"
          onClick={async () => {
            setFeedback('');
            setFeedback(FEEDBACK[await copyText(snippet, preRef.current)]);
          }}
        >
          Copy
        </button>
        {/* Always in the DOM: a live region added together with its text is often not announced. */}
        <span class="settings__copy-status" role="status">
          {feedback}
        </span>
      </div>
    </section>
  );
}
