/**
 * A small preference of this browser (the last page the element picker was
 * opened on), in localStorage. Never throws: storage can be disabled, full
 * or blocked (private modes, sandboxed frames), and a preference is not
 * worth an error.
 */
export function readLocalSetting(key: string, storage: () => Storage = () => window.localStorage): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

export function writeLocalSetting(key: string, value: string, storage: () => Storage = () => window.localStorage): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Not remembered this time.
  }
}
