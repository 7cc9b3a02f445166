/**
 * Consent mode (docs/privacy.md): before anything is stored or sent, the SDK
 * asks the server whether the workspace requires consent — a GET carrying
 * the app id only (no token, no cookie, no cache) — and when consent is
 * withdrawn it deletes what the browser holds: our localStorage and
 * sessionStorage keys and the widget's IndexedDB outbox.
 */
import type { WidgetSettings } from '../protocol/index.js';
import { ApiError } from './api-client.js';

export async function fetchWidgetSettings(apiBase: string, appId: string): Promise<WidgetSettings> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/api/v1/widget/settings?appId=${encodeURIComponent(appId)}`, { credentials: 'omit', cache: 'no-store' });
  } catch (err) {
    throw new ApiError('network', String(err));
  }
  if (!res.ok) throw new ApiError(res.status === 404 ? 'unknown_app' : 'internal', `settings: HTTP ${res.status}`, res.status);
  return (await res.json()) as WidgetSettings;
}

/** Everything of `appId` this browser holds for Parley (the widget's outbox closes itself when asked to go). */
export function wipeBrowserData(appId: string): void {
  const prefix = `parley:${appId}:`;
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      const store = globalThis[name];
      for (let i = store.length - 1; i >= 0; i--) {
        const key = store.key(i);
        if (key?.startsWith(prefix) || key === 'parley:events') store.removeItem(key);
      }
    } catch {
      /* storage blocked: nothing was stored there either */
    }
  }
  try {
    globalThis.indexedDB?.deleteDatabase(`parley-outbox-${appId}`);
  } catch {
    /* no IndexedDB */
  }
}
