/**
 * First-party storage for the visitor's token and unsent events. localStorage
 * can be missing or throw (privacy modes, sandboxed iframes, quota): then we
 * keep values in memory for this page and carry on. While `persist()` is false
 * (consent required and not given, docs/privacy.md) values live in memory only.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function createStorage(prefix: string, persist: () => boolean = () => true): KeyValueStore {
  const memory = new Map<string, string>();
  const ls = (): Storage | null => {
    try {
      return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        return ls()?.getItem(prefix + key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      if (!persist()) return;
      try {
        ls()?.setItem(prefix + key, value);
      } catch {
        /* memory copy is enough for this page */
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        ls()?.removeItem(prefix + key);
      } catch {
        /* nothing stored */
      }
    },
  };
}
