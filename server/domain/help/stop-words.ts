/**
 * Words that carry no topic in a help question, per locale: dropped from what
 * a visitor types before searching, so "how do I change my credit card"
 * searches "change credit card". Compared with folded words (lower case, no
 * accents or harakat). Small on purpose: the question words, pronouns,
 * auxiliaries and greetings people write to support — not every function
 * word — because a wrongly dropped word is worse than a weak one left in.
 * Contractions are split like the index splits them ("don't" → don, t).
 */
import type { HelpLocale } from '../../../protocol/index.js';
import { normalizeArabic } from './stem-arabic.js';

const EN = `a an the and or but of to in on at by for from with about as into is are was were be been am do does did doing
  have has had can could would should will shall may might must i me my mine we us our you your yours it its this that these those
  there here what which who whom whose when where why how if then so not no yes please thanks thank hi hello hey help want need
  get got any some just also very don doesn didn isn aren won t s m d ll ve re`;

const ID = `yang dan atau di ke dari untuk dengan pada dalam oleh ini itu tersebut adalah ialah saya aku kami kita kamu anda dia
  mereka nya bagaimana bagaimanakah gimana cara apa apakah kenapa mengapa kapan dimana mana siapa bisa dapat bisakah ingin mau
  tolong mohon halo hai terima kasih ada tidak gak nggak ga sudah belum akan juga saja sih dong ya atas agar supaya jika kalau`;

const AR = `في من على الى إلى عن مع هل كيف ماذا ما لماذا متى اين أين انا أنا نحن انت أنت هو هي هذا هذه ذلك تلك التي الذي او أو و ثم
  لا نعم مرحبا شكرا من فضلك يمكن يمكنني اريد أريد ممكن كان قد لقد`;

const words = (list: string, fold: (w: string) => string = (w) => w) => new Set(list.split(/\s+/).filter(Boolean).map(fold));

const STOP_WORDS: Record<HelpLocale, ReadonlySet<string>> = {
  en: words(EN),
  id: words(ID),
  ar: words(AR, normalizeArabic),
};

export function isStopWord(word: string, locale: HelpLocale): boolean {
  return STOP_WORDS[locale].has(locale === 'ar' ? normalizeArabic(word) : word);
}
