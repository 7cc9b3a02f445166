// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { brandCss, createShadowHost } from './shadow-host.js';

describe('brandCss', () => {
  it('sets the brand colour, a readable text colour and the desktop offset', () => {
    expect(brandCss({ color: '#4f46e5', position: 'right', offset: 32 })).toBe(
      '.root,.inapp{--brand:#4f46e5;--brand-text:#ffffff}@media (min-width:481px){.root,.inapp{--offset:32px}}',
    );
    // A pale brand gets dark text.
    expect(brandCss({ color: '#fde047', position: 'right', offset: 20 })).toContain('--brand-text:#111827');
  });

  it('moves the launcher to the inline start for "left"', () => {
    expect(brandCss({ color: '#fff', position: 'left', offset: 0 })).toContain(
      '.root{inset-inline-end:auto;inset-inline-start:var(--offset);align-items:flex-start}',
    );
  });

  it('lets nothing but a hex colour and a clamped whole number of px into the sheet', () => {
    const css = brandCss({ color: 'red;}*{display:none', position: 'right', offset: 1e9 });
    expect(css).toContain('--brand:#4f46e5');
    expect(css).toContain('--offset:200px');
    expect(brandCss({ color: '#abc', position: 'right', offset: Number.NaN })).toContain('--offset:20px');
    expect(brandCss({ color: '#abc', position: 'right', offset: -5 })).toContain('--offset:0px');
  });
});

describe('createShadowHost', () => {
  afterEach(() => document.body.replaceChildren());

  it('adopts the base, brand and lift sheets into an open shadow root and updates the theme', () => {
    const host = createShadowHost({ dir: 'ltr', lang: 'en', color: '#0ea5e9', position: 'left', offset: 40 });
    const shadow = document.getElementById('parley-messenger')?.shadowRoot;
    expect(shadow?.adoptedStyleSheets).toHaveLength(3);
    const brand = () => Array.from(shadow?.adoptedStyleSheets[1].cssRules ?? []).map((r) => r.cssText).join('\n');
    expect(brand()).toMatch(/--brand: ?#0ea5e9/);
    expect(brand()).toMatch(/--offset: ?40px/);
    expect(brand()).toMatch(/inset-inline-start: ?var\(--offset\)/);

    host.setTheme({ position: 'right', offset: 12 });
    expect(brand()).toMatch(/--brand: ?#0ea5e9/);
    expect(brand()).toMatch(/--offset: ?12px/);
    expect(brand()).not.toMatch(/inset-inline-start/);

    host.setBrandColor('not a colour');
    expect(brand()).toMatch(/--brand: ?#0ea5e9/);

    // A layer (in-app messages) goes before the brand sheet, which keeps the workspace colour winning.
    const layer = host.addLayer('inapp left', '.inapp{color:red}');
    expect(layer.className).toBe('inapp left');
    expect(layer.getAttribute('dir')).toBe('ltr');
    expect(shadow?.adoptedStyleSheets).toHaveLength(4);
    expect(Array.from(shadow?.adoptedStyleSheets[2].cssRules ?? []).map((r) => r.cssText).join('')).toMatch(/--brand/);
    host.liftLauncher(48);
    expect(Array.from(shadow?.adoptedStyleSheets[3].cssRules ?? []).map((r) => r.cssText).join('')).toMatch(/margin-block-end: ?48px/);
    host.liftLauncher(0);
    expect(shadow?.adoptedStyleSheets[3].cssRules.length).toBe(0);
    host.remove();
    expect(document.getElementById('parley-messenger')).toBeNull();
  });
});
