/**
 * Brings a step's element on screen before its card points at it. Only when
 * it is not fully visible already: re-centring an element the user can see
 * would jerk the page at every step. Smooth unless the user asked for less
 * motion; the card follows the scroll (autoUpdate), so it need not wait.
 */

export function prefersReducedMotion(win: Window = window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function fullyInView(rect: DOMRect, win: Window): boolean {
  const width = win.innerWidth || win.document.documentElement.clientWidth;
  const height = win.innerHeight || win.document.documentElement.clientHeight;
  return rect.top >= 0 && rect.left >= 0 && rect.bottom <= height && rect.right <= width;
}

export function revealElement(element: Element, win: Window = window): void {
  if (fullyInView(element.getBoundingClientRect(), win)) return;
  element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: prefersReducedMotion(win) ? 'auto' : 'smooth' });
}
