/**
 * Calls `load` now and every `intervalMs` while the tab is visible (a hidden
 * tab asks the server for nothing), and once more when it becomes visible
 * again. Each call gets an AbortSignal that ends with the next call or unmount.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useDocumentVisible } from './use-document-visible.js';

export function usePolling(load: (signal: AbortSignal) => void, intervalMs: number, key: string): void {
  const visible = useDocumentVisible();
  // The latest closure, without restarting the timer on every render.
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    if (!visible) return;
    let controller = new AbortController();
    const tick = (): void => {
      controller.abort();
      controller = new AbortController();
      latest.current(controller.signal);
    };
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [visible, intervalMs, key]);
}
