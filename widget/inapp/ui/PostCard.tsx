/**
 * A small post: a card in the launcher's corner with an optional image, the
 * body and an optional call to action. Named by its first heading (or
 * "Announcement") so it is a findable landmark for screen-reader users.
 */
import { useRef } from 'preact/hooks';
import { useHeadingLabel } from './dialog-hooks.js';
import { MessageBody } from './MessageBody.js';
import { CloseButton, CtaButton, MessageImage } from './MessageControls.js';
import type { InAppViewProps } from './types.js';

export function PostCard({ message, strings, onClick, onDismiss, preview }: InAppViewProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const headingId = useHeadingLabel(bodyRef, message.body);
  return (
    <section
      class={preview ? 'pm-card pm-post pm-preview' : 'pm-card pm-post'}
      aria-labelledby={headingId ?? undefined}
      aria-label={headingId ? undefined : strings.announcement}
      data-inapp-id={message.id}
    >
      <CloseButton class="pm-close-float" label={strings.dismiss} onClick={onDismiss} />
      <MessageImage url={message.imageUrl} />
      <div class="pm-content">
        <MessageBody body={message.body} onLink={onClick} bodyRef={bodyRef} />
        <CtaButton button={message.button} onClick={onClick} />
      </div>
    </section>
  );
}
