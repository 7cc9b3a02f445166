/**
 * Keeps Tab inside the survey post (a modal dialog). Unlike the in-app
 * modal's `trapTab`, it moves focus itself only at the two ends and leaves
 * every other Tab to the browser: a radio group is ONE tab stop natively
 * (Tab leaves the scale for "Next"), which a list of focusable elements
 * cannot express.
 */
const TABBABLE = 'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

export function trapTabAtEnds(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = container.querySelectorAll<HTMLElement>(TABBABLE);
  if (items.length === 0) return;
  // Inside a shadow root `document.activeElement` is the shadow host: ask the root we live in.
  const active = (container.getRootNode() as Document | ShadowRoot).activeElement;
  const first = items[0];
  const last = items[items.length - 1];
  if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  }
}
