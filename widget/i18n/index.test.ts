import { describe, expect, it } from 'vitest';
import { ar } from './ar.js';
import { en } from './en.js';
import { id } from './id.js';
import { pickLocale } from './index.js';

describe('i18n', () => {
  it('every locale has every key of English', () => {
    for (const catalog of [id, ar]) expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });
  it('picks by language, with RTL for Arabic and English as fallback', () => {
    expect(pickLocale('ar-EG')).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(pickLocale('id-ID').strings.send).toBe('Kirim');
    expect(pickLocale('in').lang).toBe('id');
    expect(pickLocale('fr')).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(pickLocale(undefined).lang).toBe('en');
  });
});
