/**
 * Every tab of a site is the same visitor: another tab's identify, logout and
 * consent (given or withdrawn) show up here as `storage` events on our keys.
 * Returns the cleanup.
 */
export interface TabSyncHandlers {
  token(): string | null;
  onToken(token: string): void;
  onLogout(): void;
  onConsent(granted: boolean): void;
}

export function followOtherTabs(appId: string, h: TabSyncHandlers): () => void {
  if (typeof window === 'undefined') return () => {};
  const onStorage = (e: StorageEvent) => {
    if (e.key === `parley:${appId}:consent`) h.onConsent(e.newValue === '1');
    if (e.key !== `parley:${appId}:token` || e.newValue === h.token()) return;
    if (e.newValue) h.onToken(e.newValue);
    else h.onLogout();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
