/**
 * An article's markdown → HTML for the public help page, from the same
 * parser and with the same elements and rules as the widget's renderer
 * (widget/markdown/render.ts): every piece of text and every attribute value
 * is escaped here, the only elements are the fixed ones below, links and
 * images go through the widget's `safeUrl` (http(s) and mailto only; a
 * refused link keeps its text, a refused image its alt text), and nothing
 * from the article can add an element, an attribute, a style or a script.
 *
 * @example renderMarkdownHtml('**Hi** <b>') // '<div class="md"><p><strong>Hi</strong> &lt;b&gt;</p></div>'
 */
import type { BlockNode, InlineNode, ListItem } from '../../widget/markdown/ast.js';
import { parseMarkdown } from '../../widget/markdown/parse.js';
import { safeUrl } from '../../widget/markdown/safe-url.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, safe inside an element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const LINK_REL = 'noopener noreferrer nofollow';

export function renderMarkdownHtml(source: string): string {
  return `<div class="md">${blocks(parseMarkdown(source))}</div>`;
}

function blocks(nodes: readonly BlockNode[]): string {
  return nodes.map(block).join('');
}

function block(node: BlockNode): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlines(node.children)}</p>`;
    case 'heading':
      return `<h${node.level}>${inlines(node.children)}</h${node.level}>`;
    case 'list': {
      const items = node.items.map((item) => `<li>${listItem(item)}</li>`).join('');
      if (!node.ordered) return `<ul>${items}</ul>`;
      return node.start === 1 ? `<ol>${items}</ol>` : `<ol start="${Math.trunc(node.start)}">${items}</ol>`;
    }
    case 'blockquote':
      return `<blockquote>${blocks(node.children)}</blockquote>`;
    case 'code_block': {
      const lang = node.lang && /^[\w+#.-]{1,32}$/.test(node.lang) ? ` class="language-${escapeHtml(node.lang)}"` : '';
      return `<pre><code${lang}>${escapeHtml(node.value)}</code></pre>`;
    }
    case 'rule':
      return '<hr>';
  }
}

/** Lists are tight, as in the widget: an item's leading paragraph is inline. */
function listItem(item: ListItem): string {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') return blocks(item.children);
  return inlines(first.children) + blocks(rest);
}

function inlines(nodes: readonly InlineNode[]): string {
  return nodes.map(inline).join('');
}

function inline(node: InlineNode): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value);
    case 'strong':
      return `<strong>${inlines(node.children)}</strong>`;
    case 'emphasis':
      return `<em>${inlines(node.children)}</em>`;
    case 'strike':
      return `<del>${inlines(node.children)}</del>`;
    case 'code':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'link': {
      const href = safeUrl(node.url, 'link');
      const text = inlines(node.children);
      return href === null ? text : `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${text}</a>`;
    }
    case 'image': {
      const src = safeUrl(node.url, 'image');
      return src === null ? escapeHtml(node.alt) : `<img src="${escapeHtml(src)}" alt="${escapeHtml(node.alt)}" loading="lazy">`;
    }
    case 'placeholder':
      // A public page has no visitor to fill it in: the fallback, or nothing.
      return escapeHtml(node.fallback ?? '');
  }
}
