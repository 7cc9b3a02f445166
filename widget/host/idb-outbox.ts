/** The outbox in IndexedDB (idb-keyval): unsent messages survive reloads, crashes and offline periods. */
import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { memoryOutboxStore, type OutboxRecord, type OutboxStore } from '../state/outbox-store.js';

export function idbOutboxStore(appId: string): OutboxStore {
  let store: UseStore;
  try {
    if (typeof indexedDB === 'undefined') return memoryOutboxStore();
    store = createStore(`parley-outbox-${appId}`, 'messages');
    // Consent withdrawn (sdk/consent.ts deletes the database): let go at once, so the deletion isn't blocked.
    void store('readonly', (s) => {
      const db = s.transaction.db;
      db.onversionchange = () => db.close();
    }).catch(() => {});
  } catch {
    return memoryOutboxStore();
  }
  const fallback = memoryOutboxStore();
  // IndexedDB can fail at any call (private modes, quota): fall back to memory for this page.
  const guard = <T>(p: Promise<T>, alt: () => Promise<T>) => p.catch(alt);
  return {
    load: () =>
      guard(
        entries<string, OutboxRecord>(store).then((all) => all.map(([, r]) => r).sort((a, b) => a.order - b.order)),
        () => fallback.load(),
      ),
    put: (r) => guard(set(r.clientId, r, store), () => fallback.put(r)),
    remove: (id) => guard(del(id, store), () => fallback.remove(id)),
    clear: () => guard(clear(store), () => fallback.clear()),
  };
}
