/**
 * The first line of a markdown text as plain text, for an `aria-label`
 * (which takes no markup): "How likely are you to **recommend** us?" →
 * "How likely are you to recommend us?". Uses the widget's own parser, which
 * the view already loads to render the question.
 */
import type { InlineNode } from '../../markdown/ast.js';
import { parseMarkdown } from '../../markdown/parse.js';

export function plainText(markdown: string): string {
  const first = parseMarkdown(markdown)[0];
  const inlines = first && (first.type === 'paragraph' || first.type === 'heading') ? first.children : [];
  return inlines.map(inlineText).join('').replace(/\s+/g, ' ').trim();
}

function inlineText(node: InlineNode): string {
  switch (node.type) {
    case 'text':
    case 'code':
      return node.value;
    case 'strong':
    case 'emphasis':
    case 'strike':
    case 'link':
      return node.children.map(inlineText).join('');
    case 'image':
      return node.alt;
    case 'break':
      return ' ';
    case 'placeholder':
      return node.raw;
  }
}
