/** The away acknowledgement's wording: the translated default in en/id/ar, the contact's locale, a workspace's own text. */
import { describe, expect, it } from 'vitest';
import { awayMessageText } from './away-message.js';

// Monday 31 March 2025 09:00 CEST.
const opening = new Date('2025-03-31T07:00:00Z');
const now = new Date('2025-03-29T10:00:00Z');
const base = { template: null, opening, timeZone: 'Europe/Berlin', now };

describe('awayMessageText', () => {
  it('says when the team is back, in English by default', () => {
    expect(awayMessageText({ ...base, locale: null })).toBe("Thanks for your message! We're away right now and back on Monday at 09:00 AM (Europe/Berlin).");
    expect(awayMessageText({ ...base, locale: 'en-GB' })).toBe("Thanks for your message! We're away right now and back on Monday at 09:00 (Europe/Berlin).");
  });

  it('speaks Indonesian and Arabic, with the day and time formatted by Intl', () => {
    expect(awayMessageText({ ...base, locale: 'id-ID' })).toBe('Terima kasih atas pesan Anda! Kami sedang tidak aktif dan akan kembali pada Senin pukul 09.00 (Europe/Berlin).');
    const ar = awayMessageText({ ...base, locale: 'ar' });
    expect(ar).toContain('الاثنين');
    expect(ar).toMatch(/^شكرًا على رسالتك!/);
    expect(ar).toContain('(Europe/Berlin)');
  });

  it('falls back to English for a language it has no text for, and for garbage', () => {
    expect(awayMessageText({ ...base, locale: 'fr-FR' })).toBe("Thanks for your message! We're away right now and back on Monday at 09:00 AM (Europe/Berlin).");
    expect(awayMessageText({ ...base, locale: 'not a locale!' })).toContain('back on Monday');
  });

  it('adds the date when the team is back in more than six days', () => {
    const text = awayMessageText({ ...base, locale: 'en-GB', now: new Date('2025-03-24T10:00:00Z') });
    expect(text).toContain('back on Monday 31 March at 09:00');
  });

  it("fills the workspace's own text, formatted in the contact's locale", () => {
    const template = 'Closed! Back {day}, {time} ({timezone}).';
    expect(awayMessageText({ ...base, template, locale: 'en-GB' })).toBe('Closed! Back Monday, 09:00 (Europe/Berlin).');
    expect(awayMessageText({ ...base, template, locale: 'de-DE' })).toBe('Closed! Back Montag, 09:00 (Europe/Berlin).');
  });

  it('without a next opening: the translated "will reply when back", or a custom text without placeholders', () => {
    expect(awayMessageText({ ...base, opening: null, locale: 'id' })).toBe('Terima kasih atas pesan Anda! Kami sedang tidak aktif dan akan membalas segera setelah kembali.');
    expect(awayMessageText({ ...base, opening: null, locale: null, template: 'We are on holiday.' })).toBe('We are on holiday.');
    expect(awayMessageText({ ...base, opening: null, locale: null, template: 'Back {day}.' })).toBe("Thanks for your message! We're away right now and will reply as soon as we're back.");
  });
});
