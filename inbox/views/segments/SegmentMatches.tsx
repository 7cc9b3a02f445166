/**
 * The live count while a rule is edited: 400 ms after the last change, the
 * rule (when it is complete) goes to `POST /segments/preview`; an older
 * request still running is aborted so a slow answer never replaces a newer one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContactProfile, Rule } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { errorText } from '../content/use-resource.js';
import { ContactTable } from './ContactTable.js';

export const PREVIEW_DEBOUNCE_MS = 400;

type Preview = { status: 'incomplete' } | { status: 'counting' } | { status: 'failed'; message: string } | { status: 'ready'; count: number; sample: ContactProfile[] };

export interface SegmentMatchesProps {
  api: Pick<InboxApi, 'previewSegment'>;
  /** null while the rule has errors. */
  rule: Rule | null;
  /** List the sample under the count (a saved segment shows its full list instead). */
  showSample: boolean;
}

export function countText(count: number): string {
  return count === 1 ? '1 contact matches' : `${formatCount(count)} contacts match`;
}

export function SegmentMatches({ api, rule, showSample }: SegmentMatchesProps) {
  const [preview, setPreview] = useState<Preview>({ status: 'counting' });
  const ruleKey = rule ? JSON.stringify(rule) : '';

  useEffect(() => {
    if (!rule) {
      setPreview({ status: 'incomplete' });
      return;
    }
    const controller = new AbortController();
    setPreview((p) => (p.status === 'ready' ? p : { status: 'counting' }));
    const timer = setTimeout(() => {
      api.previewSegment(rule, controller.signal).then(
        (result) => !controller.signal.aborted && setPreview({ status: 'ready', count: result.count, sample: result.sample }),
        (error: unknown) => !controller.signal.aborted && setPreview({ status: 'failed', message: errorText(error, 'Could not count the contacts.') }),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The rule object is new on every render; its JSON says when it changed.
  }, [ruleKey]);

  const text =
    preview.status === 'ready'
      ? countText(preview.count)
      : preview.status === 'incomplete'
        ? 'Finish the conditions to see how many contacts match.'
        : preview.status === 'failed'
          ? preview.message
          : 'Counting…';

  return (
    <section class="settings__section segment-matches" aria-labelledby="segment-matches-title">
      <h2 id="segment-matches-title" class="settings__section-title">
        Matching contacts
      </h2>
      {/* Polite, and atomic so "12 contacts match" is read whole; always in the DOM so changes are announced. */}
      <p class={`segment-matches__count${preview.status === 'ready' ? '' : ' segment-matches__count--note'}`} role="status" aria-atomic="true">
        {text}
      </p>
      {showSample && preview.status === 'ready' && preview.sample.length > 0 && (
        <>
          <p class="settings__hint">Some of them:</p>
          <ContactTable contacts={preview.sample} label="Sample of matching contacts" />
        </>
      )}
    </section>
  );
}
