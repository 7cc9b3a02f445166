/**
 * Markdown string → `BlockNode[]`, DOM-free. Blocks are found line by line;
 * the text inside them goes to `parseInline`.
 *
 * Deliberate differences from CommonMark, chosen for chat:
 * - no "lazy" continuation: a line without `>` ends a quote, and an
 *   unindented line ends a list, so a reply typed under a quote stays outside it;
 * - no setext headings (`---` under text is a rule), no indented code blocks,
 *   no raw HTML (it is just text), headings only `#`–`###`.
 *
 * @example
 * parseMarkdown('# Hi\n- **one**')
 * // [{ type: 'heading', level: 1, children: [...] }, { type: 'list', ... }]
 */
import type { BlockNode, ListItem } from './ast.js';
import { parseInline } from './parse-inline.js';

/**
 * Quotes and lists nest by recursion over their stripped lines. Past this
 * depth their markers stay text, so "> > > …" 50 000 deep can neither
 * overflow the stack nor turn quadratic.
 */
const MAX_DEPTH = 8;

type Fence = { char: string; length: number; indent: number; lang: string | undefined };
type Marker = { ordered: boolean; delimiter: string; start: number; width: number };

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const BULLET = /^ {0,3}([-*])[ \t]+(?=\S)/;
const ORDERED = /^ {0,3}(\d{1,9})([.)])[ \t]+(?=\S)/;
const RULE = /^(?:-+|\*+|_+)$/;

export function parseMarkdown(source: string): BlockNode[] {
  // NUL is replaced as CommonMark asks; it must never reach the DOM.
  const lines = source.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD').split('\n');
  return parseBlocks(lines, 0);
}

function parseBlocks(lines: string[], depth: number): BlockNode[] {
  const blocks: BlockNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = matchFence(line);
    const nests = depth < MAX_DEPTH;
    const marker = nests ? matchListMarker(line) : null;
    if (isBlank(line)) {
      i++;
    } else if (fence) {
      i = readFence(lines, i, fence, blocks);
    } else if (isRule(line)) {
      blocks.push({ type: 'rule' });
      i++;
    } else if (headingLevel(line)) {
      blocks.push(heading(line));
      i++;
    } else if (nests && quoteContent(line) !== null) {
      i = readQuote(lines, i, depth, blocks);
    } else if (marker) {
      i = readList(lines, i, marker, depth, blocks);
    } else {
      i = readParagraph(lines, i, depth, blocks);
    }
  }
  return blocks;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function indentOf(line: string): number {
  let n = 0;
  while (line[n] === ' ') n++;
  return n;
}

function matchFence(line: string): Fence | null {
  const m = FENCE_OPEN.exec(line);
  if (!m) return null;
  const info = m[3].trim();
  // CommonMark: a backtick fence's info string has no backticks (``` `x` ``` is inline code).
  if (m[2][0] === '`' && info.includes('`')) return null;
  return { char: m[2][0], length: m[2].length, indent: m[1].length, lang: info.split(/\s/)[0] || undefined };
}

/** Unclosed fences run to the end, as in CommonMark. */
function readFence(lines: string[], i: number, fence: Fence, blocks: BlockNode[]): number {
  const body: string[] = [];
  for (i++; i < lines.length; i++) {
    const close = FENCE_CLOSE.exec(lines[i]);
    if (close && close[1][0] === fence.char && close[1].length >= fence.length) break;
    body.push(lines[i].slice(Math.min(fence.indent, indentOf(lines[i]))));
  }
  blocks.push({ type: 'code_block', lang: fence.lang, value: body.join('\n') });
  return i + 1;
}

function isRule(line: string): boolean {
  const marks = line.replace(/[ \t]/g, '');
  return indentOf(line) <= 3 && marks.length >= 3 && RULE.test(marks);
}

function headingLevel(line: string): 0 | 1 | 2 | 3 {
  const indent = indentOf(line);
  if (indent > 3) return 0;
  let n = 0;
  while (line[indent + n] === '#') n++;
  const after = line[indent + n];
  const ok = n >= 1 && n <= 3 && (after === undefined || after === ' ' || after === '\t');
  return ok ? (n as 1 | 2 | 3) : 0;
}

function heading(line: string): BlockNode {
  const level = headingLevel(line) || 1;
  let content = line.trim().slice(level).trim();
  // Drop an optional closing "##" sequence, but keep "C#" intact.
  let end = content.length;
  while (end > 0 && content[end - 1] === '#') end--;
  if (end === 0 || content[end - 1] === ' ' || content[end - 1] === '\t') content = content.slice(0, end).trim();
  return { type: 'heading', level, children: parseInline(content) };
}

function quoteContent(line: string): string | null {
  const indent = indentOf(line);
  if (indent > 3 || line[indent] !== '>') return null;
  const rest = line.slice(indent + 1);
  return rest[0] === ' ' || rest[0] === '\t' ? rest.slice(1) : rest;
}

function readQuote(lines: string[], i: number, depth: number, blocks: BlockNode[]): number {
  const body: string[] = [];
  let content: string | null;
  while (i < lines.length && (content = quoteContent(lines[i])) !== null) {
    body.push(content);
    i++;
  }
  blocks.push({ type: 'blockquote', children: parseBlocks(body, depth + 1) });
  return i;
}

function matchListMarker(line: string): Marker | null {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, delimiter: bullet[1], start: 1, width: bullet[0].length };
  const ordered = ORDERED.exec(line);
  if (!ordered) return null;
  return { ordered: true, delimiter: ordered[2], start: Number(ordered[1]), width: ordered[0].length };
}

/**
 * An item is its marker line plus the lines indented under it (a nested list
 * needs the item's content indent, like CommonMark). Blank lines between
 * items keep one list; the list is always rendered tight.
 */
function readList(lines: string[], i: number, first: Marker, depth: number, blocks: BlockNode[]): number {
  const items: ListItem[] = [];
  for (let marker: Marker | null = first; marker; ) {
    const width = marker.width;
    const body = [lines[i].slice(width)];
    for (i++; i < lines.length; i++) {
      const line = lines[i];
      const next = lines[i + 1];
      if (isBlank(line) && next !== undefined && !isBlank(next) && indentOf(next) >= width) body.push('');
      else if (isBlank(line)) break;
      else if (indentOf(line) >= width) body.push(line.slice(width));
      // A slightly indented line continues the item's text unless it starts an item.
      else if (indentOf(line) > 0 && !matchListMarker(line)) body.push(line.trimStart());
      else break;
    }
    items.push({ children: parseBlocks(body, depth + 1) });
    let j = i;
    while (j < lines.length && isBlank(lines[j])) j++;
    marker = j < lines.length ? matchListMarker(lines[j]) : null;
    if (marker && marker.ordered === first.ordered && marker.delimiter === first.delimiter) i = j;
    else marker = null;
  }
  blocks.push({ type: 'list', ordered: first.ordered, start: first.start, items });
  return i;
}

function readParagraph(lines: string[], i: number, depth: number, blocks: BlockNode[]): number {
  const text = [lines[i].trim()];
  for (i++; i < lines.length && !isBlank(lines[i]) && !interruptsParagraph(lines[i], depth); i++) {
    text.push(lines[i].trim());
  }
  blocks.push({ type: 'paragraph', children: parseInline(text.join('\n')) });
  return i;
}

function interruptsParagraph(line: string, depth: number): boolean {
  if (matchFence(line) || isRule(line) || headingLevel(line)) return true;
  if (depth >= MAX_DEPTH) return false;
  if (quoteContent(line) !== null) return true;
  // CommonMark: only "1." may interrupt, so "in\n2020. we…" stays a paragraph.
  const marker = matchListMarker(line);
  return marker !== null && (!marker.ordered || marker.start === 1);
}
