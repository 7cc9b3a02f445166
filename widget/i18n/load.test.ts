/** The widget's locale loading: the visitor's locale from its own chunk, English at once, and English when a chunk fails. */
import { describe, expect, it } from 'vitest';
import { loadLocale } from './load.js';

describe('loadLocale', () => {
  it('loads Indonesian and Arabic by need, English as it is', async () => {
    expect(await loadLocale('id-ID')).toMatchObject({ lang: 'id', dir: 'ltr', strings: { send: 'Kirim' } });
    expect(await loadLocale('ar-EG')).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(await loadLocale('fr')).toMatchObject({ lang: 'en', dir: 'ltr', strings: { send: 'Send' } });
    expect(await loadLocale(undefined)).toMatchObject({ lang: 'en' });
  });
});
