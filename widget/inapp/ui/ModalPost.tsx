/**
 * A centered dialog over a dimmed backdrop, for announcements that deserve
 * the whole screen. Modal in the ARIA sense too: focus moves in on mount,
 * Tab cycles inside, Esc or a click on the backdrop dismisses, and focus goes
 * back where it was afterwards.
 */
import { useRef } from 'preact/hooks';
import { trapTab, useEscapeToDismiss, useHeadingLabel, useModalFocus } from './dialog-hooks.js';
import { MessageBody } from './MessageBody.js';
import { CloseButton, CtaButton, MessageImage } from './MessageControls.js';
import type { InAppViewProps } from './types.js';

export function ModalPost({ message, strings, onClick, onDismiss, preview }: InAppViewProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Set on pointerdown: a text selection that starts in the dialog and ends on
  // the backdrop fires its click on the backdrop, and must not close the dialog.
  const downOnBackdrop = useRef(false);
  const headingId = useHeadingLabel(bodyRef, message.body);
  const onEscape = useEscapeToDismiss(onDismiss, preview);
  useModalFocus(dialogRef, !preview);

  return (
    <div
      class={preview ? 'pm-backdrop pm-preview' : 'pm-backdrop'}
      onPointerDown={(e) => (downOnBackdrop.current = e.target === e.currentTarget)}
      onClick={(e) => {
        if (e.target === e.currentTarget && downOnBackdrop.current) onDismiss();
      }}
    >
      <div
        ref={dialogRef}
        class="pm-modal"
        role="dialog"
        // In the editor preview it is not modal: the rest of the inbox stays readable.
        aria-modal={preview ? undefined : 'true'}
        aria-labelledby={headingId ?? undefined}
        aria-label={headingId ? undefined : strings.announcement}
        tabIndex={-1}
        data-inapp-id={message.id}
        onKeyDown={(e) => {
          onEscape?.(e);
          if (!preview && dialogRef.current) trapTab(e, dialogRef.current);
        }}
      >
        <CloseButton class="pm-close-float" label={strings.dismiss} onClick={onDismiss} />
        <MessageImage url={message.imageUrl} />
        <div class="pm-content">
          <MessageBody body={message.body} onLink={onClick} bodyRef={bodyRef} />
          <CtaButton button={message.button} onClick={onClick} />
        </div>
      </div>
    </div>
  );
}
