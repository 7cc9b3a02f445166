/**
 * The help search's text analysis: the Indonesian and Arabic stemmers (word
 * forms that must meet), stop words, the prefix rule for the word being
 * typed, and the markdown → text the index sees.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownText } from './markdown-text.js';
import { indexedText, queryWords } from './query-words.js';
import { stemArabic } from './stem-arabic.js';
import { stemIndonesian } from './stem-indonesian.js';

describe('stemIndonesian', () => {
  it.each([
    [['membatalkan', 'pembatalan', 'dibatalkan', 'batalkan'], 'batal'],
    [['berlangganan', 'langganan'], 'langgan'],
    [['mengundang', 'undangan', 'diundang'], 'undang'],
    // As in Snowball: the affixed forms meet; the bare root (two vowels) is left whole.
    [['memakai', 'dipakai'], 'paka'],
    [['menyimpan', 'simpan', 'disimpan'], 'simpan'],
    [['mengekspor', 'ekspor'], 'ekspor'],
    [['menghapus', 'hapus', 'dihapus'], 'hapus'],
    [['bekerja', 'kerja'], 'kerja'],
    [['belajar', 'pelajar'], 'ajar'],
    [['bukunya', 'bukulah'], 'buku'],
  ])('brings %j to %s', (forms, stem) => {
    for (const form of forms) expect(stemIndonesian(form), form).toBe(stem);
  });

  it('leaves short words, other scripts and digits alone', () => {
    for (const word of ['kartu', 'tim', 'csv', '2fa', 'مقال', 'ab']) expect(stemIndonesian(word)).toBe(word);
  });

  it('never lengthens a word and never empties it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,20}$/), (word) => {
        const stem = stemIndonesian(word);
        expect(stem.length).toBeLessThanOrEqual(word.length);
        expect(stem.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('stemArabic', () => {
  it('normalises letters and cuts the article, the conjunction and common suffixes', () => {
    expect(stemArabic('والمقالات')).toBe('مقال');
    expect(stemArabic('المقالة')).toBe('مقال');
    expect(stemArabic('بطاقتك')).toBe('بطاقتك');
    expect(stemArabic('حسابات')).toBe('حساب');
    expect(stemArabic('والحساب')).toBe('حساب');
    expect(stemArabic('الحساب')).toBe('حساب');
    expect(stemArabic('english')).toBe('english');
  });
});

describe('queryWords', () => {
  it('drops stop words and repeats, per locale', () => {
    expect(queryWords('How do I change my credit card? My CARD!', 'en').words).toEqual(['change', 'credit', 'card']);
    expect(queryWords('bagaimana cara membatalkan langganan saya', 'id').words).toEqual(['membatalkan', 'langganan']);
    expect(queryWords('كيف أغير بطاقتي', 'ar').words).toEqual(['اغير', 'بطاقتي']);
    expect(queryWords('how do I', 'en').words).toEqual([]);
  });

  it('matches the last word as a prefix only while it is being typed and long enough', () => {
    expect(queryWords('cancel subscr', 'en')).toEqual({ words: ['cancel', 'subscr'], typingLast: true });
    expect(queryWords('cancel subscr ', 'en').typingLast).toBe(false);
    expect(queryWords('cancel su', 'en').typingLast).toBe(false);
    expect(queryWords('cancel my', 'en').typingLast).toBe(false);
  });

  it('keeps only letters and digits of anything typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const word of queryWords(text, 'en').words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});

describe('indexed text', () => {
  it('is the folded, stemmed words of the markdown’s visible text', () => {
    const text = markdownText('# Membatalkan **langganan**\n\nLihat [halaman tagihan](https://example.com/billing?x=1) dan `kode`.\n\n![Tangkapan layar](https://x.example/a.png)');
    expect(text).toBe('Membatalkan langganan\nLihat halaman tagihan dan kode.\nTangkapan layar');
    expect(indexedText(text, 'id')).toBe('batal langgan lihat halam tagih dan kode tangkap layar');
    expect(indexedText('Café CANCELLING', 'en')).toBe('cafe cancelling');
  });
});
