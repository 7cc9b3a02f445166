/**
 * The widget's place on the host page: one element at the end of <body> with an
 * open shadow root (inspectable and testable, DESIGN.md §2), our stylesheet
 * adopted into it. All host-page DOM access of the widget lives in host/.
 */
// The file itself, not protocol/index.js: that would pull zod into the widget chunk.
import { isHexColor, readableTextColor } from '../../protocol/workspace-settings.js';
import { WIDGET_CSS } from './styles.js';

export type LauncherSide = 'left' | 'right';

/** The per-workspace look: brand colour and where the launcher sits. */
export interface BrandTheme {
  color: string;
  /** Inline end ("right") or start ("left") of the page; mirrored in RTL like every other logical property. */
  position: LauncherSide;
  /** Distance from the side of the page in CSS px (desktop; small screens keep 16 px). */
  offset: number;
}

export interface ShadowHost {
  /** Where Preact renders. */
  mount: HTMLElement;
  /** The element on the host page that carries the shadow root. */
  element: HTMLElement;
  setBrandColor(color: string): void;
  /** Changes any part of the theme; what is left out stays. */
  setTheme(theme: Partial<BrandTheme>): void;
  /** A second container beside the messenger (in-app messages) with its own stylesheet adopted. */
  addLayer(className: string, css: string): HTMLElement;
  /** Adopts one more stylesheet (a lazy chunk's CSS), before the brand sheet; the same text twice is adopted once. */
  addStyles(css: string): void;
  /** Lifts the launcher and messenger by `px` (a banner at the bottom of the page must not cover them). */
  liftLauncher(px: number): void;
  remove(): void;
}

export interface ShadowHostOptions {
  dir: 'ltr' | 'rtl';
  lang: string;
  color: string;
  position?: LauncherSide;
  offset?: number;
}

const DEFAULT_THEME: BrandTheme = { color: '#4f46e5', position: 'right', offset: 20 };
const MAX_OFFSET = 200;

/**
 * The "brand" sheet's text. Only values that cannot carry CSS reach it: a hex
 * colour (anything else keeps the default) and a whole number of px, clamped.
 */
export function brandCss(theme: BrandTheme): string {
  const color = isHexColor(theme.color) ? theme.color : DEFAULT_THEME.color;
  const offset = Number.isFinite(theme.offset) ? Math.min(MAX_OFFSET, Math.max(0, Math.round(theme.offset))) : DEFAULT_THEME.offset;
  let css = `.root,.inapp{--brand:${color};--brand-text:${readableTextColor(color)}}`;
  // Small screens keep the base sheet's 16 px (and go full screen when open).
  css += `@media (min-width:481px){.root,.inapp{--offset:${offset}px}}`;
  if (theme.position === 'left') css += '.root{inset-inline-end:auto;inset-inline-start:var(--offset);align-items:flex-start}';
  return css;
}

export function createShadowHost(opts: ShadowHostOptions): ShadowHost {
  const host = document.createElement('div');
  host.id = 'parley-messenger';
  host.setAttribute('data-parley', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const base = new CSSStyleSheet();
  base.replaceSync(WIDGET_CSS);
  const brand = new CSSStyleSheet();
  const lift = new CSSStyleSheet();
  shadow.adoptedStyleSheets = [base, brand, lift];
  const mount = document.createElement('div');
  mount.setAttribute('dir', opts.dir);
  mount.setAttribute('lang', opts.lang);
  shadow.appendChild(mount);
  document.body.appendChild(host);

  let theme: BrandTheme = {
    color: isHexColor(opts.color) ? opts.color : DEFAULT_THEME.color,
    position: opts.position === 'left' ? 'left' : 'right',
    offset: opts.offset ?? DEFAULT_THEME.offset,
  };
  const setTheme = (change: Partial<BrandTheme>) => {
    // An invalid colour (from boot options or settings) keeps the current one.
    const color = change.color !== undefined && isHexColor(change.color) ? change.color : theme.color;
    theme = { ...theme, ...change, color };
    brand.replaceSync(brandCss(theme));
  };
  setTheme({});
  // The in-app layer and a survey in a thread adopt the same sheets: each once.
  const adopted = new Set<string>();
  const addStyles = (css: string) => {
    if (adopted.has(css)) return;
    adopted.add(css);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    // Before the brand sheet, so the workspace colour still wins.
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets.filter((s) => s !== brand && s !== lift), sheet, brand, lift];
  };
  const addLayer = (className: string, css: string) => {
    addStyles(css);
    const layer = document.createElement('div');
    layer.className = className;
    layer.setAttribute('dir', opts.dir);
    layer.setAttribute('lang', opts.lang);
    shadow.appendChild(layer);
    return layer;
  };
  const liftLauncher = (px: number) => {
    const by = Number.isFinite(px) ? Math.min(400, Math.max(0, Math.round(px))) : 0;
    lift.replaceSync(by > 0 ? `.root{margin-block-end:${by}px}` : '');
  };
  return { mount, element: host, setBrandColor: (color) => setTheme({ color }), setTheme, addLayer, addStyles, liftLauncher, remove: () => host.remove() };
}
