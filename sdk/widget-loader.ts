/**
 * Loads the widget module by URL from the Parley server, once. A dynamic
 * `import()` keeps the core tiny; the widget's own chunks load from there.
 */
import type { WidgetModule } from './bridge.js';

let loading: Promise<WidgetModule> | null = null;
let loadedFrom = '';

export function loadWidgetModule(apiBase: string): Promise<WidgetModule> {
  if (!loading || loadedFrom !== apiBase) {
    loadedFrom = apiBase;
    loading = import(/* @vite-ignore */ `${apiBase}/widget/widget.js`) as Promise<WidgetModule>;
    loading.catch(() => {
      loading = null; // let a later call try again (server back up, network back)
    });
  }
  return loading;
}
