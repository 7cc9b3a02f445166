/**
 * The live preview: the widget's own `InAppMessageView` (preview mode) in a
 * shadow root with the widget's own stylesheet (`WidgetShadow`), on a mock
 * host page. Same code and CSS as on a customer's site, so what the admin
 * sees is what ships.
 *
 * The preview is `inert`: a picture of the message, not a second set of
 * controls (its links would open the customer's URLs from the inbox).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { EligibleMessage } from '../../../protocol/index.js';
import { pickLocale } from '../../../widget/i18n/index.js';
import { INAPP_CSS, InAppMessageView } from '../../../widget/inapp/ui/index.js';
import { WidgetShadow } from '../content/WidgetShadow.js';

const strings = pickLocale('en').strings;
const ignore = (): void => undefined;
const CSS = [INAPP_CSS];

export interface MessagePreviewProps {
  message: EligibleMessage;
  /** The workspace's brand colour (the widget's `--brand`). */
  brand: string;
}

export function MessagePreview({ message, brand }: MessagePreviewProps) {
  const pageRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    pageRef.current?.style.setProperty('--preview-brand', brand);
  }, [brand]);

  const layout = message.format === 'banner' ? `banner-${message.position === 'bottom' ? 'bottom' : 'top'}` : message.format;
  // Chats and posts stack above the launcher on a real page.
  const withLauncher = message.format === 'chat' || message.format === 'post';
  return (
    <figure class="message-preview">
      <figcaption class="settings__section-title">Preview</figcaption>
      <p class="settings__hint">As a contact named Ada Lovelace sees it.</p>
      <div class={`message-preview__page message-preview__page--${layout}`} ref={pageRef} inert>
        <div class="message-preview__mock" aria-hidden="true">
          <span class="message-preview__nav" />
          {message.format === 'tooltip' && <span class="message-preview__anchor">{message.selector ?? 'Element'}</span>}
          <span class="message-preview__line" />
          <span class="message-preview__line message-preview__line--short" />
          <span class="message-preview__line" />
          {withLauncher && <span class="message-preview__launcher" />}
        </div>
        <WidgetShadow css={CSS} brand={brand} class="message-preview__host" testId="message-preview">
          <InAppMessageView message={message} strings={strings} onOpen={ignore} onClick={ignore} onDismiss={ignore} preview />
        </WidgetShadow>
      </div>
    </figure>
  );
}
