/**
 * Focus across a tour: each step's card takes focus when it shows (so a
 * screen reader reads it and the keyboard is in it), and when the tour ends
 * focus goes back to where it was before the tour started.
 *
 * Going back is polite: it happens only when focus is lost (on <body>, as
 * after the focused card is removed) or still inside the tour's own UI. If
 * the user moved on (clicked the element of a click-to-advance step, typed in
 * a field), focus stays where they put it.
 */

/** The element that really has focus, looking through open shadow roots (ours is one). */
export function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Returns focus to what had it when `rememberFocus` was called; `within`: the tour's own UI, if still on the page. */
export type RestoreFocus = (within?: Node | null) => void;

export function rememberFocus(doc: Document = document): RestoreFocus {
  const previous = deepActiveElement(doc);
  return (within) => {
    if (!(previous instanceof HTMLElement || previous instanceof SVGElement) || !previous.isConnected) return;
    const now = deepActiveElement(doc);
    const lost = now === null || now === doc.body || now === doc.documentElement;
    if (lost || (within && now && within.contains(now))) previous.focus({ preventScroll: true });
  };
}
