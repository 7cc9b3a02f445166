/**
 * `boot({ launcher: "#my-button" })`: the host's own element opens the messenger.
 * Delegated on document so the element may render after boot (SPAs). Returns the cleanup.
 */
export function bindCustomLauncher(selector: string, onActivate: () => void): () => void {
  const onClick = (event: Event) => {
    const target = event.target as Element | null;
    let matched = false;
    try {
      matched = Boolean(target?.closest?.(selector));
    } catch {
      return; // an invalid selector must not break the host page's clicks
    }
    if (matched) {
      event.preventDefault();
      onActivate();
    }
  };
  document.addEventListener('click', onClick, true);
  return () => document.removeEventListener('click', onClick, true);
}

/** Mirrors the unread count onto the host's launcher elements, for their own badge CSS. */
export function markCustomLaunchers(selector: string, unread: number): void {
  try {
    document.querySelectorAll(selector).forEach((el) => el.setAttribute('data-parley-unread', String(unread)));
  } catch {
    /* invalid selector: nothing to mark */
  }
}
