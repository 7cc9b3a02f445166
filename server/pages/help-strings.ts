/** The public help page's own words, per locale (the articles bring theirs). */
import type { HelpLocale } from '../../protocol/index.js';

export interface HelpPageStrings {
  helpCenter: string;
  searchLabel: string;
  searchButton: string;
  resultsFor: (q: string) => string;
  noResults: string;
  noArticles: string;
  allArticles: string;
  otherArticles: string;
  languages: string;
  updated: (date: string) => string;
  language: string;
}

export const HELP_PAGE_STRINGS: Record<HelpLocale, HelpPageStrings> = {
  en: {
    helpCenter: 'Help center',
    searchLabel: 'Search for help',
    searchButton: 'Search',
    resultsFor: (q) => `Results for “${q}”`,
    noResults: 'No articles match your search. Try other words.',
    noArticles: 'No articles yet.',
    allArticles: 'All articles',
    otherArticles: 'More articles',
    languages: 'Languages',
    updated: (date) => `Updated ${date}`,
    language: 'English',
  },
  id: {
    helpCenter: 'Pusat bantuan',
    searchLabel: 'Cari bantuan',
    searchButton: 'Cari',
    resultsFor: (q) => `Hasil untuk “${q}”`,
    noResults: 'Tidak ada artikel yang cocok. Coba kata lain.',
    noArticles: 'Belum ada artikel.',
    allArticles: 'Semua artikel',
    otherArticles: 'Artikel lainnya',
    languages: 'Bahasa',
    updated: (date) => `Diperbarui ${date}`,
    language: 'Bahasa Indonesia',
  },
  ar: {
    helpCenter: 'مركز المساعدة',
    searchLabel: 'ابحث عن مساعدة',
    searchButton: 'بحث',
    resultsFor: (q) => `نتائج البحث عن «${q}»`,
    noResults: 'لا توجد مقالات مطابقة لبحثك. جرّب كلمات أخرى.',
    noArticles: 'لا توجد مقالات بعد.',
    allArticles: 'كل المقالات',
    otherArticles: 'مقالات أخرى',
    languages: 'اللغات',
    updated: (date) => `آخر تحديث ${date}`,
    language: 'العربية',
  },
};
