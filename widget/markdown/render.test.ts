// @vitest-environment happy-dom
import fc from 'fast-check';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from './render.js';
import type { RenderOptions } from './render.js';

const ALLOWED_TAGS = new Set(
  ['div', 'p', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr', 'strong', 'em', 'del', 'br', 'a', 'img'],
);
const ALLOWED_ATTRIBUTES = new Set(['class', 'start', 'href', 'target', 'rel', 'src', 'alt', 'loading']);

const mounted: HTMLElement[] = [];
function unmountAll(): void {
  for (const container of mounted.splice(0)) {
    render(null, container);
    container.remove();
  }
}
afterEach(unmountAll);

function mount(md: string, options?: RenderOptions): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(renderMarkdown(md, options), container);
  const root = container.firstElementChild;
  if (!(root instanceof HTMLElement)) throw new Error('nothing rendered');
  return root;
}

/** The invariants every rendering must keep, whatever the input. */
function expectSafe(root: HTMLElement): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    expect(ALLOWED_TAGS).toContain(el.localName);
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${el.localName} has ${attr}`).toBe(false);
      expect(attr).not.toBe('style');
      expect(ALLOWED_ATTRIBUTES).toContain(attr);
    }
  }
  for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/);
  for (const img of root.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^https?:\/\//);
}

describe('renderMarkdown', () => {
  it('renders blocks as elements inside div.md', () => {
    const root = mount('# Title\n\npara **b** *i* ~~s~~ `c`\n\n- a\n  - nested\n- b\n\n3. x\n\n> quote\n\n---\n\n```ts\nlet a;\n```');
    expect(root.className).toBe('md');
    expect([...root.children].map((el) => el.localName)).toEqual(['h1', 'p', 'ul', 'ol', 'blockquote', 'hr', 'pre']);
    expect(root.querySelector('p')?.innerHTML).toBe('para <strong>b</strong> <em>i</em> <del>s</del> <code>c</code>');
    expect(root.querySelector('ul > li > ul > li')?.textContent).toBe('nested');
    expect(root.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(root.querySelector('pre > code')?.className).toBe('language-ts');
    expect(root.querySelector('pre > code')?.textContent).toBe('let a;');
  });

  it('turns a single newline into <br>', () => {
    expect(mount('line one\nline two').querySelector('p')?.innerHTML).toBe('line one<br>line two');
  });

  it('renders safe links with target and rel, and images lazily with alt', () => {
    const root = mount('[docs](https://example.com/d) https://example.com/bare ![logo](https://example.com/l.png)');
    const links = root.querySelectorAll('a');
    expect(links).toHaveLength(2);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
    expect(links[0].getAttribute('href')).toBe('https://example.com/d');
    expect(links[1].textContent).toBe('https://example.com/bare');
    const img = root.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://example.com/l.png');
    expect(img?.getAttribute('alt')).toBe('logo');
    expect(img?.getAttribute('loading')).toBe('lazy');
  });

  it('keeps a link inside bold, and markdown inside code literal', () => {
    const root = mount('**see [the docs](https://example.com)** `**not bold**`');
    expect(root.querySelector('strong > a')?.textContent).toBe('the docs');
    expect(root.querySelector('code')?.textContent).toBe('**not bold**');
    expect(root.querySelectorAll('strong')).toHaveLength(1);
  });

  it('renders nested emphasis', () => {
    const root = mount('***both*** and **bold _italic_**');
    expect(root.querySelector('em > strong')?.textContent).toBe('both');
    expect(root.querySelector('strong > em')?.textContent).toBe('italic');
  });
});

describe('renderMarkdown against XSS', () => {
  it.each([
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['<a href="javascript:alert(1)">x</a>', '<a href="javascript:alert(1)">x</a>'],
    ['&lt;b&gt; &#106;', '&lt;b&gt; &#106;'],
  ])('shows %j as literal text', (md, text) => {
    const root = mount(md);
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll('*')).toHaveLength(1); // just the <p>
    expectSafe(root);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](java&#x09;script:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](//evil.example)',
    '[x](/relative)',
  ])('drops the link but keeps the text for %j', (md) => {
    const root = mount(md);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe('x');
  });

  it('does not render data: or javascript: images', () => {
    const root = mount('![x](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E) ![y](javascript:alert(1)) ![z](data:image/png;base64,AAAA)');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('x y z');
    // With a space the destination is not a link at all: all of it stays text.
    const spaced = mount('![x](data:image/svg+xml,<svg onload=alert(1)>)');
    expect(spaced.querySelector('img')).toBeNull();
    expect(spaced.textContent).toBe('![x](data:image/svg+xml,<svg onload=alert(1)>)');
  });

  it('keeps the code block language out of anything but a tidy class', () => {
    const root = mount('```" onmouseover="alert(1)\nx\n```');
    expect(root.querySelector('code')?.getAttribute('class')).toBeNull();
    expectSafe(root);
  });

  it('never emits on* or style attributes, unknown tags or unsafe URLs for random input', () => {
    const piece = fc.constantFrom(
      '*', '**', '_', '~~', '`', '[', ']', '(', ')', '![', '\n', '\n\n', '> ', '- ', '1. ', '# ', '```\n', ' ', 'a', 'b',
      '<script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'https://e.com', 'data:x', '{{user.name}}',
      '" onclick="x', 'style="x"', '\t', '&#x09;', '\u0000',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const root = mount(pieces.join(''), { placeholders: () => '<b onclick=x>' });
        expectSafe(root);
        unmountAll();
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderMarkdown placeholders', () => {
  const md = 'Hi {{user.name | fallback: "there"}}, `{{user.name}}`';

  it('asks the resolver and inserts its answer as text, never markdown or HTML', () => {
    const placeholders = vi.fn(() => '**<b onclick=alert(1)>Ann</b>**');
    const root = mount(md, { placeholders });
    expect(placeholders).toHaveBeenCalledTimes(1);
    expect(placeholders).toHaveBeenCalledWith('user.name', 'there');
    expect(root.textContent).toBe('Hi **<b onclick=alert(1)>Ann</b>**, {{user.name}}');
    expect(root.querySelectorAll('strong, b')).toHaveLength(0);
    expectSafe(root);
  });

  it('leaves placeholders literal without a resolver', () => {
    expect(mount(md).textContent).toBe('Hi {{user.name | fallback: "there"}}, {{user.name}}');
  });

  it('passes undefined when there is no fallback', () => {
    const placeholders = vi.fn((_path: string, fallback: string | undefined) => fallback ?? 'friend');
    expect(mount('{{ company.name }}', { placeholders }).textContent).toBe('friend');
    expect(placeholders).toHaveBeenCalledWith('company.name', undefined);
  });
});
