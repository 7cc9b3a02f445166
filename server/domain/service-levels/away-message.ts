/**
 * The text of the away acknowledgement: the workspace's own message or the
 * translated default, with the next opening formatted by Intl in the
 * contact's locale (English when it is unknown or not supported).
 */
import { AWAY_TEXTS, type AwayLanguage } from './away-texts.js';

export interface AwayMessageInput {
  /** The workspace's message (placeholders {day}, {time}, {timezone}); null = the translated default. */
  template: string | null;
  /** The contact's locale ("id-ID", "ar"), null when unknown. */
  locale: string | null;
  /** When the team is back; null when the schedule never opens. */
  opening: Date | null;
  timeZone: string;
  /** When the message is sent: an opening more than six days away gets its date too. */
  now: Date;
}

function isAwayLanguage(lang: string): lang is AwayLanguage {
  return Object.hasOwn(AWAY_TEXTS, lang);
}

/** A locale Intl supports, from a contact's locale ("pt_BR" → "pt-BR"); null for anything else. */
function usableLocale(locale: string | null): string | null {
  if (!locale) return null;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale.replace(/_/g, '-')])[0] ?? null;
  } catch {
    return null;
  }
}

export function awayMessageText(input: AwayMessageInput): string {
  const contactLocale = usableLocale(input.locale);
  const lang = contactLocale?.split('-')[0].toLowerCase() ?? 'en';
  // The default text and its date in one language: a French contact gets English, not English with "lundi".
  const textLang: AwayLanguage = isAwayLanguage(lang) ? lang : 'en';
  const formatLocale = input.template ? (contactLocale ?? 'en') : textLang === lang ? (contactLocale ?? 'en') : 'en';
  const texts = AWAY_TEXTS[textLang];
  if (!input.opening) return input.template && !/\{(day|time|timezone)\}/.test(input.template) ? input.template : texts.closed;

  const farAway = input.opening.getTime() - input.now.getTime() > 6 * 86_400_000;
  const day = new Intl.DateTimeFormat(formatLocale, {
    timeZone: input.timeZone,
    weekday: 'long',
    ...(farAway ? { day: 'numeric', month: 'long' } : {}),
  }).format(input.opening);
  const time = new Intl.DateTimeFormat(formatLocale, { timeZone: input.timeZone, hour: '2-digit', minute: '2-digit' }).format(input.opening);
  const values: Record<string, string> = { day, time, timezone: input.timeZone };
  return (input.template ?? texts.away).replace(/\{(day|time|timezone)\}/g, (_, key: string) => values[key]);
}
