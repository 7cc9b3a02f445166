/**
 * A question → the words that say what it is about, for clustering. Folded
 * (case, accents), split at anything that is not a letter or digit, function
 * words of English and Indonesian dropped, and a light suffix strip so
 * "cancel", "cancelling" and "cancelled" meet. Deliberately crude: it only has
 * to make similar questions look alike, not to be a linguist.
 */
const STOP_WORDS = new Set(
  (
    // English
    'a an the and or but if then so to of in on at by for with from into about as is am are was were be been being do does did doing ' +
    'have has had having i me my mine we us our you your he she it its they them their this that these those there here what which who whom ' +
    'whose when where why how can could would should will shall may might must not no yes please thanks thank hi hello hey just also very ' +
    'any some all get got getting need want help know like im ive dont cant its youre whats hows okay ok ' +
    // Indonesian
    'yang dan atau di ke dari untuk dengan ini itu saya aku kami kita anda kamu dia mereka apa bagaimana gimana kenapa mengapa kapan ' +
    'dimana mana siapa tidak bukan tolong terima kasih halo hai ada adalah akan sudah belum bisa dapat mau ingin apakah juga saja ya'
  ).split(' '),
);

const SUFFIXES = ['ingly', 'ings', 'ing', 'edly', 'ed', 'ies', 'es', 's', 'nya', 'kan', 'lah'];

function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      let base = word.slice(0, -suffix.length);
      if (suffix === 'ies') base += 'y';
      // "cancelling" → "cancell" → "cancel": a doubled final consonant left by the suffix.
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) base = base.slice(0, -1);
      return base;
    }
  }
  return word;
}

/** A word of a question: `key` groups its forms ("cancel"), `word` is the form as written (folded). */
export interface QuestionWord {
  key: string;
  word: string;
}

export function questionWords(text: string): QuestionWord[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !STOP_WORDS.has(w))
    .map((word) => ({ key: stem(word), word }));
}
