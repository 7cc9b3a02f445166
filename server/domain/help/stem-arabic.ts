/**
 * A light Arabic stemmer (after Larkey et al.'s "light10"): letters
 * normalised (alef forms → ا, ى → ي, ة → ه, tatweel and harakat dropped),
 * then the conjunction و, the article ال and its joined forms (وال، بال،
 * كال، فال، لل) and common suffixes (ها، ان، ات، ون، ين، يه، ه، ي) cut,
 * never below two letters. For SQLite, which has no Arabic stemmer; light
 * stemming is what works best for Arabic retrieval without a dictionary.
 *
 * @example stemArabic('والمقالات') // 'مقال'
 */

const MARKS = /[\u0640\u064b-\u065f\u0670]/g;

export function normalizeArabic(word: string): string {
  return word.replace(MARKS, '').replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const ARABIC_LETTER = /[\u0621-\u064a]/;

export function stemArabic(input: string): string {
  if (!ARABIC_LETTER.test(input)) return input;
  let word = normalizeArabic(input);
  if (word.length > 3 && word.startsWith('و')) word = word.slice(1);
  const article = ARTICLES.find((a) => word.startsWith(a) && word.length - a.length >= 2);
  if (article) word = word.slice(article.length);
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 2 && word.endsWith(suffix)) word = word.slice(0, -suffix.length);
  }
  return word;
}
