/**
 * Emphasis (`*`, `_`) and strikethrough (`~~`): which delimiter runs may open
 * or close, and pairing them into nodes. Split from the scanner because this
 * is the one part of inline parsing with a real algorithm: CommonMark's
 * delimiter stack, minus the "multiple of 3" rule, which chat never needs.
 */
import type { InlineNode } from './ast.js';

export type DelimChar = '*' | '_' | '~';
/** A `*`, `_` or `~~` run that may still open or close emphasis. */
export type Delim = { type: 'delim'; char: DelimChar; count: number; canOpen: boolean; canClose: boolean };
/** What the scanner hands over: finished nodes and still-open delimiter runs. */
export type Item = InlineNode | Delim;

/** Deeper emphasis/link nesting is flattened to text, so rendering never recurses deeply. */
const MAX_NESTING = 16;
const DELIM_CHARS: readonly DelimChar[] = ['*', '_', '~'];
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;

/** Nesting depth of produced nodes, kept off the AST so it stays plain data. */
const depthOf = new WeakMap<object, number>();
const depth = (item: Item): number => depthOf.get(item) ?? 0;
const maxDepth = (nodes: InlineNode[]): number => nodes.reduce((m, n) => Math.max(m, depth(n)), 0);

export const text = (value: string): InlineNode => ({ type: 'text', value });

/** Records a link's depth so emphasis around it still counts toward the cap. */
export function trackDepth(node: InlineNode & { children: InlineNode[] }): InlineNode {
  depthOf.set(node, 1 + maxDepth(node.children));
  return node;
}

/** Flanking rules decide if a run can open/close; `_` also refuses intraword (snake_case). */
export function delimiter(char: DelimChar, count: number, before: string, after: string): Delim {
  const spaceBefore = before === '' || WHITESPACE.test(before);
  const spaceAfter = after === '' || WHITESPACE.test(after);
  const punctBefore = PUNCTUATION.test(before);
  const punctAfter = PUNCTUATION.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (char !== '_') return { type: 'delim', char, count, canOpen: left, canClose: right };
  return { type: 'delim', char, count, canOpen: left && (!right || punctBefore), canClose: right && (!left || punctAfter) };
}

/**
 * Pairs delimiter runs, innermost first. `bottom[char]` marks how far down a
 * failed search for that char already looked, so no item is rescanned.
 */
export function resolveEmphasis(items: Item[]): InlineNode[] {
  const stack: Item[] = [];
  const bottom: Record<DelimChar, number> = { '*': 0, _: 0, '~': 0 };
  for (const item of items) {
    if (item.type !== 'delim') {
      stack.push(item);
      continue;
    }
    while (item.canClose && item.count > 0) {
      let at = stack.length - 1;
      while (at >= bottom[item.char] && !isOpener(stack[at], item.char)) at--;
      if (at < bottom[item.char]) {
        bottom[item.char] = stack.length;
        break;
      }
      const opener = stack[at] as Delim;
      const used = item.char === '~' || (opener.count >= 2 && item.count >= 2) ? 2 : 1;
      const children = finish(stack.splice(at + 1));
      opener.count -= used;
      item.count -= used;
      if (opener.count === 0) stack.pop();
      stack.push(wrap(item.char, used, children));
      for (const ch of DELIM_CHARS) bottom[ch] = Math.min(bottom[ch], stack.length);
    }
    if (item.count > 0) stack.push(item.canOpen ? item : text(item.char.repeat(item.count)));
  }
  return finish(stack);
}

function isOpener(item: Item, char: DelimChar): boolean {
  return item.type === 'delim' && item.char === char;
}

function wrap(char: DelimChar, used: number, children: InlineNode[]): InlineNode {
  const d = 1 + maxDepth(children);
  const marks = char.repeat(used);
  // Too deep to render safely: keep the markup as literal text instead.
  if (d > MAX_NESTING) return text(marks + plainText(children) + marks);
  const type = char === '~' ? 'strike' : used === 2 ? 'strong' : 'emphasis';
  const node: InlineNode = { type, children };
  depthOf.set(node, d);
  return node;
}

/** Leftover delimiters become text; adjacent text nodes merge. */
function finish(items: Item[]): InlineNode[] {
  const result: InlineNode[] = [];
  for (const item of items) {
    const node = item.type === 'delim' ? text(item.char.repeat(item.count)) : item;
    const prev = result[result.length - 1];
    if (node.type === 'text' && prev?.type === 'text') result[result.length - 1] = text(prev.value + node.value);
    else if (node.type !== 'text' || node.value) result.push(node);
  }
  return result;
}

/** What a screen reader should hear for an image, or what replaces too-deep markup. */
export function plainText(nodes: InlineNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code') s += n.value;
    else if (n.type === 'break') s += ' ';
    else if (n.type === 'image') s += n.alt;
    else if (n.type === 'placeholder') s += n.raw;
    else s += plainText(n.children);
  }
  return s;
}
