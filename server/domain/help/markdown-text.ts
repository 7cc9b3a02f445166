/**
 * An article's markdown → its plain text, for the search index and for a
 * summary when the author wrote none. Built from the widget's own parser
 * (widget/markdown/parse.ts: DOM-free, bounded on hostile input), so search
 * sees exactly the words readers see: link text but not URLs, image alt
 * text, code, no markdown punctuation.
 */
import type { BlockNode, InlineNode } from '../../../widget/markdown/ast.js';
import { parseMarkdown } from '../../../widget/markdown/parse.js';

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.value;
        case 'strong':
        case 'emphasis':
        case 'strike':
        case 'link':
          return inlineText(node.children);
        case 'image':
          return node.alt;
        case 'break':
          return '\n';
        case 'placeholder':
          return node.fallback ?? '';
      }
    })
    .join('');
}

function blockText(blocks: readonly BlockNode[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [inlineText(block.children)];
      case 'list':
        return block.items.flatMap((item) => blockText(item.children));
      case 'blockquote':
        return blockText(block.children);
      case 'code_block':
        return [block.value];
      case 'rule':
        return [];
    }
  });
}

export function markdownText(source: string): string {
  return blockText(parseMarkdown(source)).join('\n');
}

/** The first sentences of a text, at most `max` characters, cut at a word. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}
