/**
 * Keeps a floating card beside an element of the host page, pointing at it.
 * The same Floating UI recipe as the in-app tooltip (widget/inapp/ui/Tooltip.tsx),
 * as one function that could serve both: `fixed` strategy (no container of
 * ours needs to be positioned), flip/shift to stay on screen, an arrow, and
 * `hide` so the card does not point at an element scrolled out of view.
 * `autoUpdate` follows scrolling in any scrolled ancestor, resizes and layout
 * shifts; the returned function removes every listener.
 *
 * What it writes, through the CSSOM (allowed under a strict CSP, unlike style=""):
 * `left`/`top` on the card and the arrow (physical: Floating UI computes in
 * viewport coordinates, which do not flip in RTL), `data-side` (the side the
 * card ended up on), `data-placed` once placed, and `data-reference-hidden`
 * while the element is out of view.
 */
import { arrow, autoUpdate, computePosition, flip, hide, offset, shift, type Middleware, type Side } from '@floating-ui/dom';
import type { TourPlacement } from '../../../protocol/tours/models.js';

/** Gap between element and card, room for the arrow. */
const GAP = 12;
/** Keeps the card and its arrow this far from the viewport's and the card's edges. */
const EDGE = 8;

export interface FloatOptions {
  placement?: TourPlacement;
  dir: 'ltr' | 'rtl';
  /** The arrow element inside the card, if it has one. */
  arrow?: HTMLElement | null;
}

/** The author's side in physical terms: start/end follow the writing direction; `auto` starts below. */
export function floatingSide(placement: TourPlacement | undefined, dir: 'ltr' | 'rtl'): Side {
  switch (placement) {
    case 'top':
      return 'top';
    case 'start':
      return dir === 'rtl' ? 'right' : 'left';
    case 'end':
      return dir === 'rtl' ? 'left' : 'right';
    default:
      return 'bottom';
  }
}

function flipFor(placement: TourPlacement | undefined, dir: 'ltr' | 'rtl'): Middleware {
  if (placement === undefined || placement === 'auto') {
    // `auto`: below, else above, else beside (on the reading side first).
    return flip({ padding: EDGE, fallbackPlacements: ['top', floatingSide('end', dir), floatingSide('start', dir)] });
  }
  // An explicit side flips to the opposite one, then (a phone too narrow for a side card) below or above.
  return flip({ padding: EDGE, fallbackAxisSideDirection: 'end' });
}

export function floatBeside(anchor: Element, floating: HTMLElement, opts: FloatOptions): () => void {
  const arrowEl = opts.arrow ?? null;
  let live = true;
  const place = () =>
    computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: floatingSide(opts.placement, opts.dir),
      middleware: [
        offset(GAP),
        flipFor(opts.placement, opts.dir),
        shift({ padding: EDGE }),
        ...(arrowEl ? [arrow({ element: arrowEl, padding: EDGE })] : []),
        hide(),
      ],
    }).then(({ x, y, placement, middlewareData }) => {
      // A computation that finishes after cleanup must not move a card that is gone or reused.
      if (!live) return;
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
      floating.dataset.side = placement.split('-')[0];
      floating.dataset.placed = '';
      if (middlewareData.hide?.referenceHidden) floating.dataset.referenceHidden = '';
      else delete floating.dataset.referenceHidden;
      if (arrowEl) {
        const { x: ax, y: ay } = middlewareData.arrow ?? {};
        arrowEl.style.left = ax == null ? '' : `${ax}px`;
        arrowEl.style.top = ay == null ? '' : `${ay}px`;
      }
    });
  // autoUpdate calls `place` once now and on every change.
  const stop = autoUpdate(anchor, floating, () => void place());
  return () => {
    live = false;
    stop();
  };
}
