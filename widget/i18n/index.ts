import { ar } from './ar.js';
import { en, type Strings } from './en.js';
import { id } from './id.js';
import { localeOf } from './locale-of.js';

export type { Strings };
export { localeOf } from './locale-of.js';

const catalogs: Record<string, Strings> = { en, id, ar };

/**
 * Every locale at hand, synchronously (the inbox's previews, tests). The
 * widget itself uses `loadLocale` (load.ts), which keeps the locales it does
 * not show out of the messenger chunk.
 */
export function pickLocale(locale: string | undefined): { lang: string; strings: Strings; dir: 'ltr' | 'rtl' } {
  const { lang, dir } = localeOf(locale);
  return { lang, strings: catalogs[lang] ?? en, dir };
}
