/**
 * The live preview: the widget's own `InAppMessageView` (preview mode) in a
 * shadow root with the widget's own stylesheet, on a mock host page. Same code
 * and CSS as on a customer's site, so what the admin sees is what ships.
 *
 * The shadow root keeps the widget CSS and the inbox CSS apart both ways; the
 * stylesheet is adopted (constructable), which `style-src 'self'` allows. The
 * preview is `inert`: a picture of the message, not a second set of controls
 * (its links would open the customer's URLs from the inbox).
 */
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { EligibleMessage } from '../../../protocol/index.js';
import { readableTextColor } from '../../../protocol/workspace-settings.js';
import { pickLocale } from '../../../widget/i18n/index.js';
import { INAPP_CSS, InAppMessageView } from '../../../widget/inapp/ui/index.js';

const strings = pickLocale('en').strings;
const ignore = (): void => undefined;

// One parsed stylesheet for every preview the inbox shows.
let sheet: CSSStyleSheet | null = null;
function inappSheet(): CSSStyleSheet | null {
  if (sheet) return sheet;
  if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype)) return null;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(INAPP_CSS);
  return sheet;
}

export interface MessagePreviewProps {
  message: EligibleMessage;
  /** The workspace's brand colour (the widget's `--brand`). */
  brand: string;
}

export function MessagePreview({ message, brand }: MessagePreviewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const mountRef = useRef<HTMLDivElement | null>(null);

  // Attach once: a shadow root can't be attached twice to the same element.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || mountRef.current) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const adopted = inappSheet();
    if (adopted) shadow.adoptedStyleSheets = [adopted];
    const mount = document.createElement('div');
    mount.className = 'inapp';
    mount.dir = 'ltr';
    mount.lang = 'en';
    shadow.appendChild(mount);
    mountRef.current = mount;
  }, []);

  useLayoutEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    // Custom properties through the CSSOM: allowed under the inbox's strict CSP, unlike style="".
    mount.style.setProperty('--brand', brand);
    mount.style.setProperty('--brand-text', readableTextColor(brand));
    pageRef.current?.style.setProperty('--preview-brand', brand);
    render(<InAppMessageView message={message} strings={strings} onOpen={ignore} onClick={ignore} onDismiss={ignore} preview />, mount);
  }, [message, brand]);

  // Unmount the inner tree with ours, so its effects and listeners end too.
  useEffect(
    () => () => {
      if (mountRef.current) render(null, mountRef.current);
    },
    [],
  );

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
        <div class="message-preview__host" ref={hostRef} data-testid="message-preview" />
      </div>
    </figure>
  );
}
