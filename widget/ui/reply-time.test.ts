import { describe, expect, it } from 'vitest';
import { ar } from '../i18n/ar.js';
import { en } from '../i18n/en.js';
import { replyTimeText } from './reply-time.js';

describe('replyTimeText', () => {
  it('says how fast the team typically replies within business hours', () => {
    expect(replyTimeText({ online: true, typicalMinutes: 5, nextOpening: null }, en, 'en')).toBe('We typically reply in 5 minutes');
    expect(replyTimeText({ online: true, typicalMinutes: 0, nextOpening: null }, en, 'en')).toBe('We typically reply in 1 minute');
    expect(replyTimeText({ online: true, typicalMinutes: 130, nextOpening: null }, en, 'en')).toBe('We typically reply in 3 hours');
  });

  it('says when the team is back outside business hours, in the visitor’s language', () => {
    const text = replyTimeText({ online: false, typicalMinutes: 5, nextOpening: '2030-01-07T09:00:00Z' }, en, 'en');
    expect(text).toMatch(/^We're away right now\. Back Monday|^We're away right now\. Back Sunday|^We're away right now\. Back Tuesday/);
    expect(replyTimeText({ online: false, typicalMinutes: null, nextOpening: '2030-01-07T09:00:00Z' }, ar, 'ar')).toMatch(/^نحن غير متاحين الآن\. نعود /);
  });

  it('says nothing without data, with too few samples, or with a date it cannot read', () => {
    expect(replyTimeText(undefined, en, 'en')).toBe('');
    expect(replyTimeText({ online: true, typicalMinutes: null, nextOpening: null }, en, 'en')).toBe('');
    expect(replyTimeText({ online: false, typicalMinutes: null, nextOpening: 'not a date' }, en, 'en')).toBe('');
  });
});
