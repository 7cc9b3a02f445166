/**
 * For `advance: 'click'` steps: the tour moves on when the user clicks the
 * element the step points at (or anything inside it). A plain bubbling
 * listener on the element (capture: false), so the host app's own handlers
 * inside it run first and still do their job (open the menu the step is
 * about). Keyboard activation of a button or link fires `click` too.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useAdvanceOnClick(anchor: Element | null, onNext: () => void, enabled = true): void {
  // The latest callback without re-subscribing on every render.
  const latest = useRef(onNext);
  latest.current = onNext;
  useEffect(() => {
    if (!anchor || !enabled) return;
    const onClick = () => latest.current();
    anchor.addEventListener('click', onClick, { capture: false });
    return () => anchor.removeEventListener('click', onClick, { capture: false });
  }, [anchor, enabled]);
}
