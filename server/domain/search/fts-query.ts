/**
 * What a person types in the search box → an FTS5 MATCH expression that can
 * only ever mean "all these words, the last one as a prefix".
 *
 * Every term becomes an FTS5 string (`"…"`, inner quotes doubled), so nothing
 * the user types is read as query syntax: `OR`, `NOT`, `NEAR(`, `*`, `^`,
 * column filters (`body:`) and parentheses are all just text to the
 * tokenizer, which drops the punctuation. A term with no letter or digit
 * would be an empty phrase and is left out; a text with none at all matches
 * nothing (null).
 *
 * @example ftsMatchExpression('café "open" NEAR(') // '"café" "open" "NEAR("*'
 */

/** More words than this add little and cost a lookup each. */
const MAX_TERMS = 16;
/** A term with something the tokenizer keeps. */
const SEARCHABLE = /[\p{L}\p{N}]/u;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

export function ftsMatchExpression(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const quoted = terms.map((term) => `"${term.replace(/"/g, '""')}"`);
  // Prefix search on the last term: results follow the typing ("lov" finds "Lovelace").
  quoted[quoted.length - 1] += '*';
  return quoted.join(' ');
}

/** The words of a search box text, as both stores read them. */
function searchTerms(text: string): string[] {
  return (
    text
      // FTS5 reads a NUL as the end of the query ("unterminated string"): control characters separate words instead.
      .replace(CONTROL, ' ')
      .split(/\s+/)
      .filter((term) => SEARCHABLE.test(term))
      .slice(0, MAX_TERMS)
  );
}

/**
 * Combining marks folded away on both sides of a Postgres search: Latin
 * accents (after NFD) and Arabic harakat. Must match `parley_search_fold` in
 * migration 011.
 */
const FOLDED_MARKS = /[\u0300-\u036f\u064b-\u065f]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * The same text → a Postgres `to_tsquery('simple', …)` source with the same
 * meaning as the FTS5 expression: every word (folded, split at what is not a
 * letter or digit, as the indexed text is) must match, the last as a prefix.
 * Lexemes hold only letters and digits, so nothing typed is tsquery syntax.
 *
 * @example tsQuerySource('Café ada@x') // "'cafe' & 'ada' & 'x':*"
 */
export function tsQuerySource(text: string): string | null {
  return tsQueryOf(searchWords(text), { join: 'and', prefixLast: true });
}

/**
 * Text → its words as the indexes see them: accents and harakat folded, lower
 * case, split at whatever is not a letter or digit. Unbounded (for indexing);
 * `searchWords` is the bounded form for what a person typed.
 *
 * @example foldWords("Don't  Café-au-lait") // ['don', 't', 'cafe', 'au', 'lait']
 */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(FOLDED_MARKS, '')
    .toLowerCase()
    .split(NOT_WORD)
    .filter((word) => word !== '');
}

/** The words of a search box text (control characters are separators), folded like `foldWords`, at most 16. */
export function searchWords(text: string): string[] {
  return searchTerms(text).flatMap(foldWords).slice(0, MAX_TERMS);
}

export interface WordQueryOptions {
  /** `and`: every word must match (a search box); `or`: any may, ranking decides (a whole sentence). */
  join: 'and' | 'or';
  /** The last word is still being typed: match it as a prefix. */
  prefixLast: boolean;
}

/**
 * Words (from `searchWords`, so letters and digits only) → an FTS5 MATCH
 * expression; each word is still quoted, so nothing can be read as syntax.
 *
 * @example ftsWordsExpression(['cancel', 'plan'], { join: 'or', prefixLast: true }) // '"cancel" OR "plan"*'
 */
export function ftsWordsExpression(words: readonly string[], { join, prefixLast }: WordQueryOptions): string | null {
  if (words.length === 0) return null;
  const quoted = words.map((word) => `"${word.replace(/"/g, '""')}"`);
  if (prefixLast) quoted[quoted.length - 1] += '*';
  return quoted.join(join === 'and' ? ' ' : ' OR ');
}

/**
 * The same words → a `to_tsquery` source: `&` or `|` between quoted lexemes.
 * Only letters and digits reach it (anything else is dropped), so nothing
 * typed is tsquery syntax.
 */
export function tsQueryOf(words: readonly string[], { join, prefixLast }: WordQueryOptions): string | null {
  const lexemes = words.map((word) => word.replace(/[^\p{L}\p{N}]/gu, '')).filter((word) => word !== '');
  if (lexemes.length === 0) return null;
  return lexemes.map((lexeme, i) => `'${lexeme}'${prefixLast && i === lexemes.length - 1 ? ':*' : ''}`).join(join === 'and' ? ' & ' : ' | ');
}

/** FTS5 `snippet()` output as one line of plain text (the inbox renders it as text, never as markdown). */
export function plainExcerpt(snippet: string | null | undefined): string {
  return (snippet ?? '').replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}
