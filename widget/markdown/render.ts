/**
 * Markdown → Preact VNodes for chat messages and admin-authored content.
 *
 * Safety comes from construction, not from sanitising: every piece of user
 * text becomes a text child (Preact creates a Text node, never parses HTML),
 * the only elements are the fixed ones below, the only attributes set from
 * input are `href`/`src` (through `safeUrl`) and `alt`/`class` (plain text).
 * No HTML strings reach the DOM, no `style`, no `on*` attributes.
 *
 * @example
 * render(renderMarkdown('Hi {{user.name | fallback: "there"}}, see **docs**', {
 *   placeholders: (path, fallback) => lookup(visitor, path) ?? fallback ?? '',
 * }), container);
 */
import { Fragment, h } from 'preact';
import type { ComponentChildren, VNode } from 'preact';
import type { BlockNode, InlineNode, ListItem } from './ast.js';
import { parseMarkdown } from './parse.js';
import { safeUrl } from './safe-url.js';

export type RenderOptions = {
  /**
   * Resolves `{{path | fallback: "x"}}`. The result is inserted as text and
   * never parsed as markdown, so a visitor named "**x**" or "<b>" shows as
   * typed. Without it, placeholders are shown literally.
   */
  placeholders?: (path: string, fallback: string | undefined) => string;
};

/** Links open away from the host page and carry no opener or referrer. */
const LINK_REL = 'noopener noreferrer nofollow';

type Tag = 'div' | 'p' | 'h1' | 'h2' | 'h3' | 'ul' | 'ol' | 'li' | 'blockquote' | 'pre' | 'code' | 'hr'
  | 'strong' | 'em' | 'del' | 'br' | 'a' | 'img';
/** Every attribute this renderer can set. Nothing else (no `style`, no `on*`) can be passed. */
type SafeProps = {
  key?: string | number;
  class?: string;
  start?: number;
  href?: string;
  target?: '_blank';
  rel?: string;
  src?: string;
  alt?: string;
  loading?: 'lazy';
};

/** `h` narrowed to our tags and props; the cast only erases Preact's per-element prop typing. */
function el(tag: Tag, props: SafeProps | null, ...children: ComponentChildren[]): VNode {
  return h<SafeProps>(tag, props, ...children) as VNode;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): VNode {
  return el('div', { class: 'md' }, renderBlocks(parseMarkdown(source), options));
}

function renderBlocks(blocks: BlockNode[], options: RenderOptions): VNode[] {
  return blocks.map((block, key) => renderBlock(block, key, options));
}

function renderBlock(block: BlockNode, key: number, options: RenderOptions): VNode {
  switch (block.type) {
    case 'paragraph':
      return el('p', { key }, renderInlines(block.children, options));
    case 'heading':
      return el(`h${block.level}`, { key }, renderInlines(block.children, options));
    case 'list': {
      const items = block.items.map((item, i) => el('li', { key: i }, renderItem(item, options)));
      if (!block.ordered) return el('ul', { key }, items);
      return el('ol', { key, start: block.start === 1 ? undefined : block.start }, items);
    }
    case 'blockquote':
      return el('blockquote', { key }, renderBlocks(block.children, options));
    case 'code_block':
      return el('pre', { key }, el('code', { class: languageClass(block.lang) }, block.value));
    case 'rule':
      return el('hr', { key });
  }
}

/** Lists are tight: an item's leading paragraph is inline, without a <p>. */
function renderItem(item: ListItem, options: RenderOptions): ComponentChildren {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') return renderBlocks(item.children, options);
  return [h(Fragment, { key: 'lead' }, renderInlines(first.children, options)), ...renderBlocks(rest, options)];
}

/** Only a tidy token reaches `class`, e.g. `language-ts` for a highlighter to pick up. */
function languageClass(lang: string | undefined): string | undefined {
  return lang && /^[\w+#.-]{1,32}$/.test(lang) ? `language-${lang}` : undefined;
}

function renderInlines(nodes: InlineNode[], options: RenderOptions): ComponentChildren[] {
  return nodes.map((node, key) => renderInline(node, key, options));
}

function renderInline(node: InlineNode, key: number, options: RenderOptions): ComponentChildren {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'strong':
      return el('strong', { key }, renderInlines(node.children, options));
    case 'emphasis':
      return el('em', { key }, renderInlines(node.children, options));
    case 'strike':
      return el('del', { key }, renderInlines(node.children, options));
    case 'code':
      return el('code', { key }, node.value);
    case 'break':
      return el('br', { key });
    case 'link': {
      const href = safeUrl(node.url, 'link');
      const children = renderInlines(node.children, options);
      // A refused URL keeps its text: the reader still sees what was written.
      if (href === null) return h(Fragment, { key }, children);
      return el('a', { key, href, target: '_blank', rel: LINK_REL }, children);
    }
    case 'image': {
      const src = safeUrl(node.url, 'image');
      if (src === null) return node.alt;
      return el('img', { key, src, alt: node.alt, loading: 'lazy' });
    }
    case 'placeholder':
      return options.placeholders ? String(options.placeholders(node.path, node.fallback)) : node.raw;
  }
}
