/**
 * A full-width bar fixed to the top or bottom of the viewport: one or two lines
 * of body, an optional button, and × only when the author made it dismissible
 * (a non-dismissible banner goes away when the engine says so).
 */
import { MessageBody } from './MessageBody.js';
import { CloseButton, CtaButton } from './MessageControls.js';
import type { InAppViewProps } from './types.js';

export function Banner({ message, strings, onClick, onDismiss, preview }: InAppViewProps) {
  // An older message without a position is shown where banners usually are.
  const edge = message.position === 'bottom' ? 'bottom' : 'top';
  return (
    <section
      role="region"
      aria-label={strings.banner}
      class={`pm-banner pm-banner-${edge}${preview ? ' pm-preview' : ''}`}
      data-inapp-id={message.id}
    >
      <div class="pm-banner-inner">
        <MessageBody body={message.body} onLink={onClick} />
        <CtaButton button={message.button} onClick={onClick} />
      </div>
      {message.dismissible && <CloseButton label={strings.dismiss} onClick={onDismiss} />}
    </section>
  );
}
