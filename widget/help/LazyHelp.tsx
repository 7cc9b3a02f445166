/**
 * The help center's views live in a chunk of their own (`help-*.js`, DESIGN.md
 * §6): fetched the first time Home or an answer suggestion is needed, never
 * for visitors who only chat. Renders nothing until it is there; a failed
 * fetch is tried again the next time.
 */
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type HelpUi = typeof import('./ui/index.js');
let loading: Promise<HelpUi> | undefined;

export function LazyHelp({ children }: { children: (ui: HelpUi) => VNode | null }) {
  const [ui, setUi] = useState<HelpUi | null>(null);
  useEffect(() => {
    let live = true;
    (loading ??= import('./ui/index.js')).then(
      (m) => live && setUi(m),
      () => (loading = undefined),
    );
    return () => {
      live = false;
    };
  }, []);
  return ui && children(ui);
}
