/** Which of our locales a browser or SDK locale reads, and its writing direction. */
export const LOCALES = ['en', 'id', 'ar'] as const;
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export interface Locale {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** "ar-EG" → Arabic, "in" (old code for Indonesian) → Indonesian, anything unknown → English. */
export function localeOf(locale: string | undefined): Locale {
  let lang = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  if (lang === 'in') lang = 'id';
  const chosen = (LOCALES as readonly string[]).includes(lang) ? lang : 'en';
  return { lang: chosen, dir: RTL.has(chosen) ? 'rtl' : 'ltr' };
}
