/**
 * Keyboard and labelling behaviour shared by the modal and the tooltip:
 * Esc to dismiss, focus moved in / trapped / given back, and a dialog name
 * taken from the body's first heading.
 *
 * Preview mode (the inbox's editor) installs no document listeners and never
 * moves focus: the preview sits inside an app the author is working in.
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Esc calls `onDismiss`. Live: on the document, so it works wherever focus is
 * (a tooltip does not take focus from the host page). Preview: returns a
 * keydown handler for the element instead.
 */
export function useEscapeToDismiss(onDismiss: () => void, preview: boolean | undefined): ((e: KeyboardEvent) => void) | undefined {
  // The latest callback without re-subscribing on every render.
  const latest = useRef(onDismiss);
  latest.current = onDismiss;
  useEffect(() => {
    if (preview) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [preview]);
  if (!preview) return undefined;
  return (e) => {
    if (e.key === 'Escape') latest.current();
  };
}

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** The element that really has focus, looking through open shadow roots (ours is one). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * Modal focus: on mount the dialog itself takes focus (a screen reader then
 * reads its name and the first Tab reaches its first control); on unmount
 * focus goes back to where it was, if that element is still on the page.
 */
export function useModalFocus(ref: RefObject<HTMLElement>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const previous = deepActiveElement();
    ref.current?.focus({ preventScroll: true });
    return () => {
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, [active]);
}

/** Keydown handler keeping Tab / Shift+Tab inside `container` (cycling at both ends). */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
  event.preventDefault();
  if (items.length === 0) return container.focus();
  // Inside a shadow root `document.activeElement` is the shadow host: ask the root we live in.
  const current = (container.getRootNode() as Document | ShadowRoot).activeElement;
  const index = items.indexOf(current as HTMLElement);
  // From the dialog itself (index -1) Tab goes to the first control, Shift+Tab to the last.
  const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : (index + 1) % items.length;
  items[next].focus();
}

/**
 * The id to put in `aria-labelledby` when the rendered body has a heading
 * (null: use a generic `aria-label`). The renderer sets no ids, so the id is
 * given to the heading element after render; `body` re-runs it when the
 * content (and so possibly the heading element) changes.
 */
export function useHeadingLabel(bodyRef: RefObject<HTMLElement>, body: string): string | null {
  const id = useId();
  const [labelled, setLabelled] = useState(false);
  useLayoutEffect(() => {
    const heading = bodyRef.current?.querySelector('h1,h2,h3') ?? null;
    if (heading) heading.id = id;
    setLabelled(heading !== null);
  }, [body, id]);
  return labelled ? id : null;
}
