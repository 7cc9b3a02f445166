/**
 * What a visitor typed → the words a help search looks for, and an article's
 * text → what the SQLite index stores, both through the same folding
 * (domain/search/fts-query.ts) so the two always meet.
 *
 * - Queries keep letters and digits only (never search syntax), lose their
 *   stop words and repeats, and note whether the last word is still being
 *   typed (then it matches as a prefix).
 * - Stemming is per store: Postgres stems with the locale's text search
 *   configuration, SQLite with Porter for English (FTS5) and with ours for
 *   Indonesian and Arabic (`stemFor`).
 */
import type { HelpLocale } from '../../../protocol/index.js';
import { foldWords, searchWords } from '../search/index.js';
import { stemArabic } from './stem-arabic.js';
import { stemIndonesian } from './stem-indonesian.js';
import { isStopWord } from './stop-words.js';

export interface QueryWords {
  words: string[];
  /** The last word is the last thing typed, with no space after it yet. */
  typingLast: boolean;
}

/** A prefix shorter than this matches too much to mean anything. */
const MIN_PREFIX = 3;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

export function queryWords(text: string, locale: HelpLocale): QueryWords {
  const typed = searchWords(text);
  const words = [...new Set(typed.filter((word) => !isStopWord(word, locale)))];
  const last = words[words.length - 1];
  const typingLast = last !== undefined && last === typed[typed.length - 1] && last.length >= MIN_PREFIX && ENDS_IN_WORD.test(text);
  return { words, typingLast };
}

/** The stemmer the SQLite index applies itself for a locale (English: none, FTS5's Porter does it). */
export function stemFor(locale: HelpLocale): (word: string) => string {
  if (locale === 'id') return stemIndonesian;
  if (locale === 'ar') return stemArabic;
  return (word) => word;
}

/** An article field as the SQLite index stores it: folded words, stemmed for the locale, space-separated. */
export function indexedText(text: string, locale: HelpLocale): string {
  return foldWords(text).map(stemFor(locale)).join(' ');
}
