/**
 * Automatic page views for SPAs: history.pushState/replaceState and popstate.
 * Returns the cleanup, which restores the host's own history functions.
 */
export function trackPageChanges(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.history) return () => {};
  const history = window.history;
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  const ourPush = function (this: History, ...args: Parameters<History['pushState']>) {
    const result = originalPush.apply(this, args);
    // After the host's router has rendered, so document.title is the new page's.
    setTimeout(check, 0);
    return result;
  };
  const ourReplace = function (this: History, ...args: Parameters<History['replaceState']>) {
    const result = originalReplace.apply(this, args);
    setTimeout(check, 0);
    return result;
  };
  history.pushState = ourPush;
  history.replaceState = ourReplace;
  const onPop = () => setTimeout(check, 0);
  window.addEventListener('popstate', onPop);
  return () => {
    // Only undo our own wrapper: another script may have wrapped ours since.
    if (history.pushState === ourPush) history.pushState = originalPush;
    if (history.replaceState === ourReplace) history.replaceState = originalReplace;
    window.removeEventListener('popstate', onPop);
  };
}
