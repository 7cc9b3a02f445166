/**
 * A piece of the widget rendered the way it ships: in an open shadow root
 * with the widget's own stylesheets (adopted, constructable: `style-src
 * 'self'` allows them, and the widget CSS and the inbox CSS stay apart both
 * ways), inside the `.inapp` container its views expect, with the brand
 * colour. The editors' live previews (messages, surveys) are built on it.
 */
import type { VNode } from 'preact';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { readableTextColor } from '../../../protocol/workspace-settings.js';

// One parsed stylesheet per CSS text for every preview the inbox shows.
const sheets = new Map<string, CSSStyleSheet>();
function sheetOf(css: string): CSSStyleSheet | null {
  const known = sheets.get(css);
  if (known) return known;
  if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype)) return null;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  sheets.set(css, sheet);
  return sheet;
}

export interface WidgetShadowProps {
  /** The widget's CSS texts, in order (e.g. INAPP_CSS then SURVEYS_CSS). */
  css: readonly string[];
  /** The workspace's brand colour (the widget's `--brand`). */
  brand: string;
  /** What to render inside, a widget view. */
  children: VNode;
  class?: string;
  testId?: string;
}

export function WidgetShadow({ css, brand, children, class: className, testId }: WidgetShadowProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const mountRef = useRef<HTMLDivElement | null>(null);

  // Attach once: a shadow root can't be attached twice to the same element.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || mountRef.current) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const adopted = css.map(sheetOf).filter((s): s is CSSStyleSheet => s !== null);
    if (adopted.length > 0) shadow.adoptedStyleSheets = adopted;
    const mount = document.createElement('div');
    mount.className = 'inapp';
    mount.dir = 'ltr';
    mount.lang = 'en';
    shadow.appendChild(mount);
    mountRef.current = mount;
  }, []);

  useLayoutEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    // Custom properties through the CSSOM: allowed under the inbox's strict CSP, unlike style="".
    mount.style.setProperty('--brand', brand);
    mount.style.setProperty('--brand-text', readableTextColor(brand));
    render(children, mount);
  }, [children, brand]);

  // Unmount the inner tree with ours, so its effects and listeners end too.
  useEffect(
    () => () => {
      if (mountRef.current) render(null, mountRef.current);
    },
    [],
  );

  return <div class={className} ref={hostRef} data-testid={testId} />;
}
