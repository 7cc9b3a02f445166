/**
 * The last step: the author's thank-you (or a plain "Thank you!") and a Close
 * button (none in a thread). Its title takes focus after the last answer, so a screen reader
 * reads it, and focus is not lost with the form that just went away.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { WidgetSurvey } from '../../../protocol/surveys/models.js';
import type { Strings } from '../../i18n/index.js';
import { MessageBody } from '../../inapp/ui/MessageBody.js';

export interface ThankYouProps {
  thankYou: WidgetSurvey['thank_you'];
  strings: Strings;
  /** Absent in a conversation's thread: the answered survey stays there. */
  onClose?(): void;
  autoFocus: boolean;
}

const ignoreLink = () => {};

export function ThankYou({ thankYou, strings, onClose, autoFocus }: ThankYouProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) titleRef.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div class="ps-thanks">
      <span class="ps-check" aria-hidden="true">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round">
          <path d="M5 12.5l4.5 4.5L19 7.5" />
        </svg>
      </span>
      <h2 ref={titleRef} class="ps-thanks-title" tabIndex={-1}>
        {thankYou?.title || strings.surveyThanks}
      </h2>
      {thankYou?.body && <MessageBody body={thankYou.body} onLink={ignoreLink} />}
      {onClose && (
        <button type="button" class="pm-cta ps-close" onClick={() => onClose()}>
          {strings.surveyClose}
        </button>
      )}
    </div>
  );
}
