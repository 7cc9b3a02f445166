/**
 * An Indonesian stemmer: Tala's "Porter stemmer for Bahasa Indonesia" (2003),
 * the algorithm Snowball and Postgres's `indonesian` configuration implement,
 * written out here because SQLite has no Indonesian tokenizer. It strips, in
 * order, a particle (-kah, -lah, -pun), a possessive (-ku, -mu, -nya), a
 * first-order prefix (meng-/meny-/mem-/men-/me-, peng-/peny-/pem-/pen-, di-,
 * ter-, ke-), a derivational suffix (-kan, -an, -i) and a second-order prefix
 * (ber-/be-, per-/pe-), each only while the word keeps more than two vowels,
 * so "membatalkan", "pembatalan" and "dibatalkan" all become "batal", and
 * "berlangganan" and "langganan" both "langgan".
 *
 * Input is one lower-case, folded word (`foldWords`); anything else passes.
 *
 * @example stemIndonesian('membatalkan') // 'batal'
 */

/** What kind of prefix went, which decides the suffixes allowed (the paper's combinations). */
const Prefix = { None: 0, DiMengTer: 1, Per: 2, KePeng: 3, Ber: 4 } as const;
type Prefix = (typeof Prefix)[keyof typeof Prefix];

const isVowel = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';

function vowelCount(word: string): number {
  let n = 0;
  for (const c of word) if (isVowel(c)) n += 1;
  return n;
}

interface Cut {
  word: string;
  prefix?: Prefix;
}

/** meng-, meny-, mem-, men-, me-, peng-, peny-, pem-, pen-, di-, ter-, ke- (longest first). */
function firstOrderPrefix(word: string): Cut | null {
  const next = (n: number) => word[n];
  if (word.startsWith('meny') && isVowel(next(4))) return { word: `s${word.slice(4)}`, prefix: Prefix.DiMengTer };
  if (word.startsWith('peny') && isVowel(next(4))) return { word: `s${word.slice(4)}`, prefix: Prefix.KePeng };
  if (word.startsWith('meng')) return { word: word.slice(4), prefix: Prefix.DiMengTer };
  if (word.startsWith('peng')) return { word: word.slice(4), prefix: Prefix.KePeng };
  // mem-/pem- before a vowel stand for a dropped p: memakai → pakai.
  if (word.startsWith('mem')) return { word: isVowel(next(3)) ? `p${word.slice(3)}` : word.slice(3), prefix: Prefix.DiMengTer };
  if (word.startsWith('pem')) return { word: isVowel(next(3)) ? `p${word.slice(3)}` : word.slice(3), prefix: Prefix.KePeng };
  if (word.startsWith('men') || word.startsWith('ter')) return { word: word.slice(3), prefix: Prefix.DiMengTer };
  if (word.startsWith('pen')) return { word: word.slice(3), prefix: Prefix.KePeng };
  if (word.startsWith('me') || word.startsWith('di')) return { word: word.slice(2), prefix: Prefix.DiMengTer };
  if (word.startsWith('ke')) return { word: word.slice(2), prefix: Prefix.KePeng };
  return null;
}

/** ber-, be- (before consonant + "er": bekerja), per-, pe-; belajar/pelajar → ajar. */
function secondOrderPrefix(word: string): Cut | null {
  if (word.startsWith('belajar')) return { word: `ajar${word.slice(7)}`, prefix: Prefix.Ber };
  if (word.startsWith('pelajar')) return { word: `ajar${word.slice(7)}` };
  if (word.startsWith('ber')) return { word: word.slice(3), prefix: Prefix.Ber };
  if (word.startsWith('per')) return { word: word.slice(3), prefix: Prefix.Per };
  if (word.startsWith('be') && word.length > 4 && !isVowel(word[2]) && word.startsWith('er', 3)) return { word: word.slice(2), prefix: Prefix.Ber };
  if (word.startsWith('pe')) return { word: word.slice(2), prefix: Prefix.Per };
  return null;
}

/** -kan (not after ke-/peng-/per-), -an (not after di-/meng-/ter-), -i (after none of ke-/peng-/ber-, not after s). */
function derivationalSuffix(word: string, prefix: Prefix): string | null {
  if (word.endsWith('kan') && prefix !== Prefix.KePeng && prefix !== Prefix.Per) return word.slice(0, -3);
  if (word.endsWith('an') && prefix !== Prefix.DiMengTer) return word.slice(0, -2);
  if (word.endsWith('i') && prefix <= Prefix.Per && word[word.length - 2] !== 's') return word.slice(0, -1);
  return null;
}

function endingCut(word: string, endings: readonly string[]): string | null {
  const ending = endings.find((e) => word.endsWith(e));
  return ending === undefined ? null : word.slice(0, -ending.length);
}

export function stemIndonesian(input: string): string {
  let word = input;
  let measure = vowelCount(word);
  if (measure <= 2) return word;

  for (const endings of [['kah', 'lah', 'pun'], ['nya', 'ku', 'mu']]) {
    const cut = endingCut(word, endings);
    if (cut !== null) {
      word = cut;
      measure -= 1;
    }
    if (measure <= 2) return word;
  }

  const first = firstOrderPrefix(word);
  if (first) {
    word = first.word;
    measure -= 1;
    if (measure <= 2) return word;
    const unsuffixed = derivationalSuffix(word, first.prefix ?? Prefix.None);
    if (unsuffixed === null) return word;
    word = unsuffixed;
    measure -= 1;
    if (measure <= 2) return word;
    return secondOrderPrefix(word)?.word ?? word;
  }

  let prefix: Prefix = Prefix.None;
  const second = secondOrderPrefix(word);
  if (second) {
    word = second.word;
    prefix = second.prefix ?? prefix;
    measure -= 1;
  }
  if (measure <= 2) return word;
  return derivationalSuffix(word, prefix) ?? word;
}
