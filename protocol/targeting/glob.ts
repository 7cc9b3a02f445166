/**
 * Page globs: `*` matches within one path segment, `**` across segments, and
 * `/**` also matches nothing (`/docs/**` matches `/docs`, `/docs/**\/intro`
 * matches `/docs/intro`). Every other character is literal, so `?` and `.` in
 * a URL need no escaping.
 *
 * Matched by simulating the pattern as a small automaton (one pass over the
 * text, O(text × pattern)) rather than by translating it to a RegExp: a glob
 * like `*a*a*a*a*b` would backtrack polynomially in a RegExp engine, and a page
 * URL is attacker-influenced input.
 */

type GlobToken =
  | { kind: 'literal'; char: string; skipTo?: number } // skipTo: an optional `/` before `**`
  | { kind: 'star' } // any run of non-`/` characters
  | { kind: 'globstar' }; // any run of characters

export const GLOB_MAX = 200;

export function compileGlob(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      while (pattern[i + 1] === '*') i += 1; // `***` is `**`
      const last = tokens[tokens.length - 1];
      if (last?.kind === 'globstar') continue;
      // `/**` may match the empty string: the slash becomes optional, skipping past the globstar.
      if (last?.kind === 'literal' && last.char === '/') last.skipTo = tokens.length + 1;
      tokens.push({ kind: 'globstar' });
    } else if (c === '*') {
      const last = tokens[tokens.length - 1];
      if (last?.kind !== 'star' && last?.kind !== 'globstar') tokens.push({ kind: 'star' });
    } else {
      tokens.push({ kind: 'literal', char: c });
    }
  }
  return tokens;
}

/** Adds `state` and everything reachable from it without reading a character. */
function activate(tokens: GlobToken[], states: Uint8Array, state: number): void {
  while (state <= tokens.length && !states[state]) {
    states[state] = 1;
    const token = tokens[state];
    if (token === undefined) return;
    if (token.kind === 'literal' && token.skipTo !== undefined) activate(tokens, states, token.skipTo);
    if (token.kind === 'literal') return;
    state += 1; // a star may match nothing
  }
}

export function matchGlobTokens(tokens: GlobToken[], text: string): boolean {
  let current = new Uint8Array(tokens.length + 1);
  let next = new Uint8Array(tokens.length + 1);
  activate(tokens, current, 0);
  for (let t = 0; t < text.length; t += 1) {
    const c = text[t];
    next.fill(0);
    let alive = false;
    for (let s = 0; s < tokens.length; s += 1) {
      if (!current[s]) continue;
      const token = tokens[s];
      const target = token.kind === 'literal' ? (token.char === c ? s + 1 : -1) : token.kind === 'globstar' || c !== '/' ? s : -1;
      if (target < 0) continue;
      activate(tokens, next, target);
      alive = true;
    }
    if (!alive) return false;
    [current, next] = [next, current];
  }
  return current[tokens.length] === 1;
}

// Few distinct patterns, many evaluations: compile each once.
const compiled = new Map<string, GlobToken[]>();
const CACHE_MAX = 1_000;

export function matchGlob(pattern: string, text: string): boolean {
  let tokens = compiled.get(pattern);
  if (tokens === undefined) {
    tokens = compileGlob(pattern.slice(0, GLOB_MAX));
    if (compiled.size >= CACHE_MAX) compiled.clear();
    compiled.set(pattern, tokens);
  }
  return matchGlobTokens(tokens, text);
}
