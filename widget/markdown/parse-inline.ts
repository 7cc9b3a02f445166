/**
 * Inline markdown → `InlineNode[]`, in the spirit of CommonMark's
 * delimiter-stack algorithm, cut down to what a chat message needs.
 *
 * Every step is bounded so hostile input stays linear-ish: one left-to-right
 * scan, code-span searches that remember failed run lengths, link
 * destinations capped in length, emphasis matched with a stack plus
 * per-character "nothing below here" marks, and nesting capped so the
 * renderer never recurses deeply. No regex here can backtrack
 * catastrophically. Anything that does not resolve stays literal text.
 */
import type { InlineNode } from './ast.js';
import { delimiter, plainText, resolveEmphasis, text, trackDepth } from './emphasis.js';
import type { Item } from './emphasis.js';

/** An open `[` or `![`; `index` is its literal text item in `out`. */
type Bracket = { index: number; image: boolean; seq: number };

/**
 * Longer destinations, or deeper parens (CommonMark allows implementations
 * such a limit), are not links: this bounds the work of each `](` attempt.
 */
const MAX_URL = 2048;
const MAX_PARENS = 32;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-\/:-@\[-`{-~]/;
/** Stops a bare URL: whitespace and characters never valid unencoded in a URL. */
const URL_STOP = /[\s<>"`[\]{}|\\^]/;
const URL_TRAILING = /[.,:;!?'"*_~]/;
/** Sticky; each `[ \t]*` is followed by a distinct literal, so no backtracking blow-up. */
const PLACEHOLDER =
  /\{\{[ \t]*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]*(?:\|[ \t]*fallback[ \t]*:[ \t]*"([^"\n]{0,200})"[ \t]*)?\}\}/y;

export function parseInline(src: string): InlineNode[] {
  const out: Item[] = [];
  const brackets: Bracket[] = [];
  let seq = 0;
  // No links inside links: link openers with a lower seq can no longer form one.
  let linksInactiveBelow = 0;
  // Backtick run lengths with no closing run further on: never search again.
  const unclosedTicks = new Set<number>();
  let buffer = '';
  const flush = (): void => {
    if (buffer) out.push(text(buffer));
    buffer = '';
  };
  const push = (item: Item): void => {
    flush();
    out.push(item);
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && ASCII_PUNCTUATION.test(src[i + 1] ?? '')) {
      buffer += src[i + 1];
      i += 2;
    } else if (c === '`') {
      const n = runLength(src, i, '`');
      const close = unclosedTicks.has(n) ? -1 : findTickRun(src, i + n, n);
      if (close < 0) {
        unclosedTicks.add(n);
        buffer += src.slice(i, i + n);
      } else {
        push({ type: 'code', value: codeContent(src.slice(i + n, close)) });
      }
      i = close < 0 ? i + n : close + n;
    } else if (c === '*' || c === '_' || c === '~') {
      const n = runLength(src, i, c);
      if (c === '~' && n !== 2) buffer += src.slice(i, i + n);
      else push(delimiter(c, n, src[i - 1] ?? '', src[i + n] ?? ''));
      i += n;
    } else if (c === '[' || (c === '!' && src[i + 1] === '[')) {
      const image = c === '!';
      push(text(image ? '![' : '['));
      brackets.push({ index: out.length - 1, image, seq: seq++ });
      i += image ? 2 : 1;
    } else if (c === ']') {
      const opener = brackets.pop();
      const dest = opener && (opener.image || opener.seq >= linksInactiveBelow) ? destination(src, i + 1) : null;
      if (!opener || !dest) {
        buffer += ']';
        i++;
        continue;
      }
      flush();
      // Autolinks inside link text would nest <a> in <a>: keep them as text.
      const inner = out.splice(opener.index + 1).map((it) => (it.type === 'link' && it.auto ? text(it.url) : it));
      out.pop(); // the opener's literal "[" / "!["
      const children = resolveEmphasis(inner);
      if (opener.image) {
        out.push({ type: 'image', url: dest.url, alt: plainText(children) });
      } else {
        out.push(trackDepth({ type: 'link', url: dest.url, auto: false, children }));
        linksInactiveBelow = seq;
      }
      i = dest.end;
    } else if (c === '{' && src[i + 1] === '{') {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(src);
      if (m) push({ type: 'placeholder', path: m[1], fallback: m[2], raw: m[0] });
      else buffer += c;
      i = m ? PLACEHOLDER.lastIndex : i + 1;
    } else if (c === '\n') {
      // Chat users expect Enter to mean a new line, so every newline is a <br>.
      buffer = buffer.trimEnd();
      push({ type: 'break' });
      i++;
    } else {
      const end = c === 'h' || c === 'H' ? bareUrlEnd(src, i) : i;
      if (end > i) {
        const url = src.slice(i, end);
        push({ type: 'link', url, auto: true, children: [text(url)] });
      } else {
        buffer += c;
      }
      i = Math.max(end, i + 1);
    }
  }
  flush();
  return resolveEmphasis(out);
}

function runLength(src: string, from: number, ch: string): number {
  let j = from;
  while (src[j] === ch) j++;
  return j - from;
}

/** Start of the next backtick run of exactly `n`, or -1. */
function findTickRun(src: string, from: number, n: number): number {
  for (let j = src.indexOf('`', from); j >= 0; j = src.indexOf('`', j)) {
    const len = runLength(src, j, '`');
    if (len === n) return j;
    j += len;
  }
  return -1;
}

/** CommonMark: newlines become spaces; one padding space each side is dropped. */
function codeContent(raw: string): string {
  const s = raw.replace(/\n/g, ' ');
  return s.length > 2 && s.startsWith(' ') && s.endsWith(' ') && s.trim() ? s.slice(1, -1) : s;
}

/** `(url)` right after `]`: no title, no whitespace inside, balanced parens, capped length. */
function destination(src: string, from: number): { url: string; end: number } | null {
  if (src[from] !== '(') return null;
  let j = from + 1;
  while (src[j] === ' ' || src[j] === '\t') j++;
  const start = j;
  let open = 0;
  for (; j < src.length && j - start <= MAX_URL; j++) {
    const c = src[j];
    if (c <= ' ') break;
    if (c === '(' && ++open > MAX_PARENS) return null;
    if (c === ')') {
      if (open === 0) break;
      open--;
    }
  }
  const url = src.slice(start, j);
  while (src[j] === ' ' || src[j] === '\t') j++;
  return src[j] === ')' && url.length <= MAX_URL ? { url, end: j + 1 } : null;
}

/** End of a bare http(s) URL starting at `at`, or `at` if there is none (GFM-like trimming). */
function bareUrlEnd(src: string, at: number): number {
  // "xhttp://" is a word, not a URL.
  if (ALPHANUMERIC.test(src[at - 1] ?? '')) return at;
  const head = src.slice(at, at + 8).toLowerCase();
  const scheme = head.startsWith('https://') ? 8 : head.startsWith('http://') ? 7 : 0;
  if (!scheme) return at;
  let end = at + scheme;
  let opens = 0;
  let closes = 0;
  for (; end < src.length && !URL_STOP.test(src[end]); end++) {
    if (src[end] === '(') opens++;
    if (src[end] === ')') closes++;
  }
  // Sentence punctuation and an unbalanced ")" belong to the prose, not the URL.
  while (end > at + scheme) {
    const last = src[end - 1];
    if (URL_TRAILING.test(last)) end--;
    else if (last === ')' && closes > opens) (end--, closes--);
    else break;
  }
  return end > at + scheme ? end : at;
}

