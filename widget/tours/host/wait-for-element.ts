/**
 * Waits for a tour step's element on the host page: resolves it as soon as
 * it exists AND is rendered, or null after `ms` (or when `signal` aborts).
 * Never throws: an author's selector may be invalid, which is "no element".
 *
 * Watched with a MutationObserver on the whole document (an SPA inserts the
 * element, or un-hides it by flipping a class or attribute), plus a slow poll
 * for what no mutation announces (a stylesheet arriving, a media query).
 * Observer, poll, timer and abort listener are all removed however it ends.
 *
 * Fits `FindElement` of the TourRunner as is.
 *
 * @example
 * const el = await waitForElement('[data-tour="billing"]', 5000, controller.signal);
 */

/** How often to look regardless of mutations, in ms. Cheap: one querySelector. */
const POLL_MS = 250;

/** Laid out and not hidden: display:none (anywhere up the tree), visibility:hidden or content-visibility:hidden fail. */
export function isRendered(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') return element.checkVisibility({ visibilityProperty: true });
  // Older engines: an element that is not laid out has no boxes at all.
  return element.getClientRects().length > 0;
}

/** The first element matching `selector` that is rendered; null for none or an invalid selector. */
export function findRendered(selector: string, root: ParentNode = document): Element | null {
  let element: Element | null;
  try {
    element = root.querySelector(selector);
  } catch {
    return null;
  }
  if (!element) return null;
  if (isRendered(element)) return element;
  // The first match may be a hidden template copy while a later one is on screen.
  for (const candidate of Array.from(root.querySelectorAll(selector))) if (isRendered(candidate)) return candidate;
  return null;
}

function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

export function waitForElement(selector: string, ms: number, signal?: AbortSignal): Promise<Element | null> {
  if (signal?.aborted || !isValidSelector(selector)) return Promise.resolve(null);
  const now = findRendered(selector);
  if (now || ms <= 0) return Promise.resolve(now);

  return new Promise((resolve) => {
    let done = false;
    const finish = (element: Element | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timeout);
      signal?.removeEventListener('abort', onAbort);
      resolve(element);
    };
    const check = () => {
      const element = findRendered(selector);
      if (element) finish(element);
    };
    const onAbort = () => finish(null);
    // Mutations arrive batched (one callback per microtask checkpoint), so this is one query per batch.
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    const poll = setInterval(check, POLL_MS);
    const timeout = setTimeout(() => finish(null), ms);
    signal?.addEventListener('abort', onAbort);
  });
}
