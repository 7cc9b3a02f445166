import { ar } from './ar.js';
import { en, type Strings } from './en.js';
import { id } from './id.js';

export type { Strings };

const catalogs: Record<string, Strings> = { en, id, ar };
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** "ar-EG" → Arabic strings, "in" (old code for Indonesian) → Indonesian, anything unknown → English. */
export function pickLocale(locale: string | undefined): { lang: string; strings: Strings; dir: 'ltr' | 'rtl' } {
  let lang = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  if (lang === 'in') lang = 'id';
  const strings = catalogs[lang] ?? en;
  const chosen = catalogs[lang] ? lang : 'en';
  return { lang: chosen, strings, dir: RTL.has(chosen) ? 'rtl' : 'ltr' };
}
