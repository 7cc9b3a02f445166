/**
 * A tooltip pointing at an element of the host page (outside our shadow root).
 * Floating UI places it with the `fixed` strategy, so it needs no container of
 * ours to be positioned, and `autoUpdate` follows the anchor through scrolling,
 * resizing and layout shifts until unmount. It is a non-modal dialog: it never
 * takes focus from the page; Esc dismisses it wherever focus is.
 */
import { arrow, autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useEscapeToDismiss, useHeadingLabel } from './dialog-hooks.js';
import { MessageBody } from './MessageBody.js';
import { CloseButton, CtaButton } from './MessageControls.js';
import type { InAppViewProps } from './types.js';

/** Gap between anchor and tooltip, room for the arrow. */
const GAP = 12;
/** Keeps the tooltip and its arrow this far from the viewport's and the tooltip's edges. */
const EDGE = 8;

export function Tooltip(props: InAppViewProps) {
  // The preview has no anchor to point at: it shows the tooltip as if placed below one.
  if (props.preview) return <TooltipBox {...props} />;
  if (!props.anchor) return null;
  return <FloatingTooltip {...props} anchor={props.anchor} />;
}

function FloatingTooltip(props: InAppViewProps & { anchor: Element }) {
  const floatingRef = useRef<HTMLDivElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const { anchor } = props;

  useEffect(() => {
    const floating = floatingRef.current;
    const arrowEl = arrowRef.current;
    if (!floating || !arrowEl) return;
    const place = () =>
      computePosition(anchor, floating, {
        strategy: 'fixed',
        placement: 'bottom',
        middleware: [offset(GAP), flip({ padding: EDGE }), shift({ padding: EDGE }), arrow({ element: arrowEl, padding: EDGE }), hide()],
      }).then(({ x, y, placement, middlewareData }) => {
        // Written through the CSSOM (allowed under a strict CSP, unlike style="").
        // Physical left/top: Floating UI computes in viewport coordinates, which do not flip in RTL.
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        // Hidden while the anchor is scrolled out of view rather than pointing at nothing.
        floating.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
        floating.dataset.side = placement.split('-')[0];
        const { x: ax, y: ay } = middlewareData.arrow ?? {};
        arrowEl.style.left = ax == null ? '' : `${ax}px`;
        arrowEl.style.top = ay == null ? '' : `${ay}px`;
      });
    // autoUpdate calls `place` once now and on every change; its return value removes every listener.
    return autoUpdate(anchor, floating, () => void place());
  }, [anchor]);

  return <TooltipBox {...props} floatingRef={floatingRef} arrowRef={arrowRef} />;
}

interface BoxProps extends InAppViewProps {
  floatingRef?: RefObject<HTMLDivElement>;
  arrowRef?: RefObject<HTMLDivElement>;
}

function TooltipBox({ message, strings, onClick, onDismiss, preview, floatingRef, arrowRef }: BoxProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const headingId = useHeadingLabel(bodyRef, message.body);
  const onEscape = useEscapeToDismiss(onDismiss, preview);
  return (
    <div
      ref={floatingRef}
      class={preview ? 'pm-tooltip pm-preview' : 'pm-tooltip'}
      role="dialog"
      aria-labelledby={headingId ?? undefined}
      aria-label={headingId ? undefined : strings.announcement}
      data-inapp-id={message.id}
      // Before Floating UI's first pass (and always in preview) it sits below its anchor.
      data-side="bottom"
      onKeyDown={onEscape}
    >
      <div ref={arrowRef} class="pm-arrow" aria-hidden="true" />
      <CloseButton label={strings.dismiss} onClick={onDismiss} />
      <div class="pm-content">
        <MessageBody body={message.body} onLink={onClick} bodyRef={bodyRef} />
        <CtaButton button={message.button} onClick={onClick} />
      </div>
    </div>
  );
}
