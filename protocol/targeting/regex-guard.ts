/**
 * Admin-written regular expressions run on every visitor's page view, in the
 * widget and on the server, so a catastrophic-backtracking pattern would be a
 * denial of service against the host page. JavaScript has no linear-time regex
 * engine, so we refuse the shapes that backtrack exponentially instead:
 * a repeated group that itself contains a quantifier (`(a+)+`, star height > 1)
 * or an alternation (`(a|ab)*`), and backreferences. Polynomial shapes such as
 * `\d*\d*\d*` remain possible; the quantifier cap and the input cap
 * (`REGEX_INPUT_MAX`) keep them small.
 */

export const REGEX_SOURCE_MAX = 200;
/** Longest text a pattern is ever run against (URLs are capped at 2 000 chars by the input schemas). */
export const REGEX_INPUT_MAX = 2_000;
const QUANTIFIERS_MAX = 12;

interface GroupFrame {
  quantified: boolean; // contains a repeating quantifier somewhere inside
  alternation: boolean;
}

/** Length of a `{n}`, `{n,}` or `{n,m}` quantifier at `i`, and whether it repeats (upper bound > 1); 0 when `{` is a literal. */
function braceQuantifier(source: string, i: number): { length: number; repeats: boolean } {
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 16));
  if (!match) return { length: 0, repeats: false };
  const upper = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  return { length: match[0].length, repeats: upper > 1 };
}

/** Why `source` is refused, or null when it is an acceptable pattern. */
export function regexProblem(source: string): string | null {
  if (source.length > REGEX_SOURCE_MAX) return `regex longer than ${REGEX_SOURCE_MAX} characters`;
  try {
    new RegExp(source);
  } catch {
    return 'invalid regular expression';
  }
  const stack: GroupFrame[] = [{ quantified: false, alternation: false }];
  let quantifiers = 0;
  // Reads the quantifier (if any) after an atom ending at `i`; returns [next index, repeats?].
  const quantifierAt = (i: number): [number, boolean] => {
    const c = source[i];
    let next = i;
    let repeats = false;
    if (c === '*' || c === '+') [next, repeats] = [i + 1, true];
    else if (c === '?') next = i + 1;
    else if (c === '{') {
      const brace = braceQuantifier(source, i);
      [next, repeats] = [i + brace.length, brace.repeats];
    }
    if (next > i && source[next] === '?') next += 1; // lazy modifier
    return [next, repeats];
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const top = stack[stack.length - 1];
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[1-9]/.test(n) || n === 'k') return 'backreferences are not allowed';
      i += 2;
    } else if (c === '[') {
      i += 1;
      if (source[i] === '^') i += 1;
      if (source[i] === ']') i += 1; // a leading `]` is literal
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      i += 1;
      continue; // the group's own prefix (`?:`, `?=`, `?<name>`) holds no quantifier
    } else if (c === ')') {
      const group = stack.pop() ?? { quantified: false, alternation: false };
      const parent = stack[stack.length - 1] ?? top;
      const [next, repeats] = quantifierAt(i + 1);
      if (repeats && (group.quantified || group.alternation)) return 'nested quantifiers or a repeated alternation can backtrack exponentially';
      if (repeats) quantifiers += 1;
      parent.quantified ||= group.quantified || repeats;
      i = next;
      continue;
    } else if (c === '|') {
      top.alternation = true;
      i += 1;
      continue;
    } else {
      i += 1;
    }
    // An atom just ended: a quantifier may follow it.
    const [next, repeats] = quantifierAt(i);
    if (repeats) {
      quantifiers += 1;
      top.quantified = true;
    }
    i = next;
    if (quantifiers > QUANTIFIERS_MAX) return `at most ${QUANTIFIERS_MAX} repeating quantifiers`;
  }
  if (quantifiers > QUANTIFIERS_MAX) return `at most ${QUANTIFIERS_MAX} repeating quantifiers`;
  return null;
}

// Rules are evaluated many times with few distinct patterns: compile each once.
// Refused patterns are cached as null so the check is not repeated either.
const compiled = new Map<string, RegExp | null>();
const CACHE_MAX = 1_000;

/**
 * The compiled pattern, or null when `regexProblem` refuses it. The evaluator
 * calls this even for schema-validated rules: a rule that reached the widget
 * some other way must still not be able to hang the host page.
 */
export function compileGuardedRegex(source: string): RegExp | null {
  const hit = compiled.get(source);
  if (hit !== undefined) return hit;
  const regex = regexProblem(source) === null ? new RegExp(source) : null;
  if (compiled.size >= CACHE_MAX) compiled.clear();
  compiled.set(source, regex);
  return regex;
}

/** `regex.test` on at most `REGEX_INPUT_MAX` characters. */
export function guardedTest(regex: RegExp, input: string): boolean {
  return regex.test(input.length > REGEX_INPUT_MAX ? input.slice(0, REGEX_INPUT_MAX) : input);
}
