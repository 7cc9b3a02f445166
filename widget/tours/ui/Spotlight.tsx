/**
 * A spotlight step's backdrop: the page dims except for a rounded hole
 * around the element (6px of padding), which follows it through scrolling,
 * resizing and layout shifts (Floating UI's `autoUpdate`, removed on unmount).
 *
 * The dimming is the hole's huge box-shadow (drawn only, it catches nothing);
 * four transparent blockers around the hole catch pointer events so a click
 * beside the element does nothing to the page. The hole itself lets clicks
 * through to the element when the step advances on click (`interactive`),
 * and blocks them otherwise, so the page cannot move on under a step.
 * Decorative for assistive tech: the step's card says what it is about.
 */
import { autoUpdate } from '@floating-ui/dom';
import { useEffect, useRef } from 'preact/hooks';

export const SPOTLIGHT_PADDING = 6;

export interface SpotlightProps {
  anchor: Element;
  /** The element can be clicked through the hole (`advance: 'click'`). */
  interactive: boolean;
}

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * Physical viewport coordinates (from getBoundingClientRect): the same in RTL.
 * Positions may be negative (an element partly scrolled off the top); sizes may not.
 */
function setBox(el: HTMLElement | null, box: Partial<Box> & { right?: number; bottom?: number }): void {
  if (!el) return;
  for (const key of ['top', 'left', 'width', 'height', 'right', 'bottom'] as const) {
    const value = box[key];
    const px = key === 'width' || key === 'height' ? Math.max(0, value ?? 0) : value;
    el.style[key] = value === undefined ? '' : `${px}px`;
  }
}

export function Spotlight({ anchor, interactive }: SpotlightProps) {
  const holeRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLDivElement>(null);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const hole = holeRef.current;
    if (!hole) return;
    const update = () => {
      const rect = anchor.getBoundingClientRect();
      const top = rect.top - SPOTLIGHT_PADDING;
      const left = rect.left - SPOTLIGHT_PADDING;
      const width = rect.width + 2 * SPOTLIGHT_PADDING;
      const height = rect.height + 2 * SPOTLIGHT_PADDING;
      setBox(hole, { top, left, width, height });
      // Blockers tile the rest of the viewport: a band above, one below, one on each side of the hole.
      setBox(topRef.current, { top: 0, left: 0, right: 0, height: top });
      setBox(bottomRef.current, { top: top + height, left: 0, right: 0, bottom: 0 });
      setBox(startRef.current, { top, left: 0, width: left, height });
      setBox(endRef.current, { top, left: left + width, right: 0, height });
    };
    // The hole stands in for the "floating" element: autoUpdate also watches its ancestors' scrolling.
    return autoUpdate(anchor, hole, update);
  }, [anchor]);

  return (
    <div class="pt-spotlight" aria-hidden="true" data-interactive={interactive ? '' : undefined}>
      <div ref={topRef} class="pt-block" />
      <div ref={bottomRef} class="pt-block" />
      <div ref={startRef} class="pt-block" />
      <div ref={endRef} class="pt-block" />
      <div ref={holeRef} class="pt-hole" />
    </div>
  );
}
