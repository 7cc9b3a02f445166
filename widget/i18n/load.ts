/**
 * The messenger's strings, loaded by need: English is in the messenger chunk
 * (it is also every other locale's fallback), Indonesian and Arabic are
 * chunks of their own that only their readers fetch. Every string a locale
 * adds then costs the messenger nothing for the other two (DESIGN.md §6).
 */
import { en, type Strings } from './en.js';
import { type Locale, localeOf } from './locale-of.js';

const LAZY: Record<string, () => Promise<Strings>> = {
  id: () => import('./id.js').then((m) => m.id),
  ar: () => import('./ar.js').then((m) => m.ar),
};

/** The locale and its strings; English when its chunk cannot load (offline, blocked): the messenger still works. */
export async function loadLocale(locale: string | undefined): Promise<Locale & { strings: Strings }> {
  const picked = localeOf(locale);
  const strings = await (LAZY[picked.lang]?.() ?? Promise.resolve(en)).catch(() => en);
  return strings === en ? { lang: 'en', dir: 'ltr', strings } : { ...picked, strings };
}
