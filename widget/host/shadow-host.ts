/**
 * The widget's place on the host page: one element at the end of <body> with an
 * open shadow root (inspectable and testable, DESIGN.md §2), our stylesheet
 * adopted into it. All host-page DOM access of the widget lives in host/.
 */
import { WIDGET_CSS } from './styles.js';

export interface ShadowHost {
  /** Where Preact renders. */
  mount: HTMLElement;
  setBrandColor(color: string): void;
  remove(): void;
}

const HEX = /^#[0-9a-fA-F]{3,8}$/;

export function createShadowHost(opts: { dir: 'ltr' | 'rtl'; lang: string; color: string }): ShadowHost {
  const host = document.createElement('div');
  host.id = 'parley-messenger';
  host.setAttribute('data-parley', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const base = new CSSStyleSheet();
  base.replaceSync(WIDGET_CSS);
  const brand = new CSSStyleSheet();
  shadow.adoptedStyleSheets = [base, brand];
  const mount = document.createElement('div');
  mount.setAttribute('dir', opts.dir);
  mount.setAttribute('lang', opts.lang);
  shadow.appendChild(mount);
  document.body.appendChild(host);

  const setBrandColor = (color: string) => {
    // Only a plain hex colour reaches the stylesheet: it comes from settings and boot options.
    if (HEX.test(color)) brand.replaceSync(`.root{--brand:${color}}`);
  };
  setBrandColor(opts.color);
  return { mount, setBrandColor, remove: () => host.remove() };
}
