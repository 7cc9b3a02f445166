// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeIdentifier } from './css-escape.js';
import { looksGenerated, unstableClass } from './generated-name.js';
import { stableSelector } from './stable-selector.js';

/** Builds DOM without HTML strings: h('button', { id: 'x', class: 'a b' }, 'text', h(...)). */
function h(tag: string, attrs: Record<string, string> = {}, ...children: Array<Element | string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) el.append(child);
  return el;
}

function mount(...nodes: Element[]): void {
  document.body.replaceChildren(...nodes);
}

const only = (selector: string) => Array.from(document.querySelectorAll(selector));

afterEach(() => document.body.replaceChildren());

describe('looksGenerated / unstableClass', () => {
  it('tells generated ids from names', () => {
    for (const id of [':r1:', '«r3»', 'ember123', 'ext-gen45', 'mui-7', 'react-select-3-input', '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b', 'item-20240611', '_3xk2', 'a1b2c3d4'])
      expect(looksGenerated(id), id).toBe(true);
    for (const id of ['billing', 'save-button', 'navItem', 'step2', 'main-nav', 'user_menu', 'h1-title', 'TopBar'])
      expect(looksGenerated(id), id).toBe(false);
  });

  it('skips hash-like and state classes', () => {
    for (const c of ['css-1x2y3z', 'sc-AxjAm', 'bZkAaQ', 'jsx-2413', 'Button_primary__3xk2z', 'is-active', 'active', 'selected', 'makeStyles-root-12'])
      expect(unstableClass(c), c).toBe(true);
    for (const c of ['btn', 'btn-primary', 'card', 'navItem', 'MuiButton-root', 'sidebar__link'])
      expect(unstableClass(c), c).toBe(false);
  });

  it('escapes identifiers like CSS.escape', () => {
    for (const value of ['1a', '-1', '-', 'a:b', 'a.b c', 'ünï', 'a\u0001b', '_x', 'md:flex', 'w-[10px]'])
      expect(escapeIdentifier(value), value).toBe(CSS.escape(value));
  });
});

describe('stableSelector', () => {
  it('prefers a stable id', () => {
    const target = h('button', { id: 'save', 'data-testid': 'save-btn', class: 'btn' });
    mount(h('div', {}, target));
    expect(stableSelector(target)).toBe('#save');
  });

  it('escapes ids that are not plain identifiers', () => {
    // (happy-dom's selector engine does not read hex escapes such as `\\32 `, so no leading digit here.)
    const target = h('div', { id: 'fa.settings' });
    mount(h('div'), target);
    const selector = stableSelector(target);
    expect(selector).toBe('#fa\\.settings');
    expect(only(selector)).toEqual([target]);
  });

  it('skips a generated id for a test hook, then other data attributes', () => {
    const hook = h('button', { id: ':r5:', 'data-testid': 'checkout' });
    const data = h('a', { id: 'ember812', 'data-section': 'pricing', 'data-state': 'open' });
    mount(hook, data);
    expect(stableSelector(hook)).toBe('[data-testid="checkout"]');
    expect(stableSelector(data)).toBe('a[data-section="pricing"]');
  });

  it('uses data-tour / data-parley hooks, aria-label and form field names', () => {
    const tour = h('div', { 'data-tour': 'reports' });
    const labelled = h('button', { 'aria-label': 'Open settings' });
    const field = h('input', { name: 'email', type: 'email' });
    const bare = h('span', { 'data-parley': '' });
    mount(tour, labelled, h('form', {}, field), bare);
    expect(stableSelector(tour)).toBe('[data-tour="reports"]');
    expect(stableSelector(labelled)).toBe('button[aria-label="Open settings"]');
    expect(stableSelector(field)).toBe('input[name="email"]');
    expect(stableSelector(bare)).toBe('[data-parley]');
  });

  it('uses tag and stable classes, leaving out hashes', () => {
    const target = h('button', { class: 'css-1x2y3z btn primary is-active' });
    mount(h('button', { class: 'btn' }), target);
    expect(stableSelector(target)).toBe('button.primary');
  });

  it('anchors under the nearest ancestor with a stable id when the element alone is ambiguous', () => {
    const target = h('button', { class: 'btn' });
    mount(h('section', { id: 'billing' }, h('p', {}, 'x'), target), h('section', { id: 'team' }, h('button', { class: 'btn' })));
    expect(stableSelector(target)).toBe('#billing button.btn');
  });

  it('falls back to an nth-of-type chain from the anchor, then from html', () => {
    const second = h('li', {}, 'b');
    mount(h('ul', { 'data-testid': 'list' }, h('li', {}, 'a'), second, h('li', {}, 'c')), h('ul', {}, h('li'), h('li')));
    expect(stableSelector(second)).toBe('[data-testid="list"] > li:nth-of-type(2)');
    const deep = h('span');
    mount(h('div', {}, h('span')), h('div', {}, h('p'), deep));
    expect(stableSelector(deep)).toBe('html > body > div:nth-of-type(2) > span');
    expect(only(stableSelector(deep))).toEqual([deep]);
  });

  it('ignores ids that are not unique', () => {
    const a = h('div', { id: 'dup' });
    const b = h('div', { id: 'dup', class: 'second' });
    mount(a, b);
    expect(stableSelector(b)).toBe('div.second');
    expect(only(stableSelector(a))).toEqual([a]);
  });

  it('always matches exactly the element, on any generated page', () => {
    const ids = ['main', 'nav', ':r1:', 'ember123', 'dup', 'x.y', '9lives', ''];
    const classes = ['btn', 'card', 'css-1x2y3z', 'active', 'sc-AxjAm', 'md:flex', 'item', ''];
    const values = ['save', 'open', '', '42', 'a b', 'Profile'];
    type Node = { tag: string; id: string; cls: string[]; data: [string, string] | null; label: string; children: Node[] };
    const node: fc.Memo<Node> = fc.memo((n) =>
      fc.record({
        tag: fc.constantFrom('div', 'span', 'button', 'a', 'li', 'input', 'section'),
        id: fc.constantFrom(...ids),
        cls: fc.subarray(classes, { maxLength: 3 }),
        data: fc.option(fc.tuple(fc.constantFrom('data-testid', 'data-tour', 'data-role', 'data-state', 'data-v-1a2b3c'), fc.constantFrom(...values)), { nil: null }),
        label: fc.constantFrom('', '', 'Close', 'Open menu'),
        children: n > 1 ? fc.array(node(n - 1), { maxLength: 4 }) : fc.constant([]),
      }),
    );
    const build = (spec: Node): HTMLElement => {
      const attrs: Record<string, string> = {};
      if (spec.id) attrs.id = spec.id;
      const cls = spec.cls.filter(Boolean);
      if (cls.length) attrs.class = cls.join(' ');
      if (spec.data) attrs[spec.data[0]] = spec.data[1];
      if (spec.label) attrs['aria-label'] = spec.label;
      if (spec.tag === 'input') return h('input', attrs);
      return h(spec.tag, attrs, ...spec.children.map(build));
    };
    fc.assert(
      fc.property(fc.array(node(4), { minLength: 1, maxLength: 4 }), (tree) => {
        mount(...tree.map(build));
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          const selector = stableSelector(el);
          expect(only(selector), selector).toEqual([el]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
