/**
 * The element picker, as the tour editor sees it, free of DOM: which page to
 * open it on, and which `message` events are its answer. The picker runs on
 * the team's own site (another origin) and posts back to the inbox window
 * that opened it; any page can post to us, so an answer counts only from
 * the window we opened, at the origin we opened, in the shape of a
 * `PickerMessage`, with a selector the server would accept.
 */
import type { PickerMessage } from '../../protocol/index.js';
import { TOUR_FORM_LIMITS } from './tour-draft.js';

/** Where the last page the picker was opened on is remembered (localStorage). */
export const PICKER_URL_KEY = 'parley:picker-url';

/** A label is only shown to the author: one long enough for any button's name, no more. */
const LABEL_MAX = 200;

/** What a `message` event carries that matters here (`MessageEvent` fits). */
export interface PickerEventLike {
  source: unknown;
  origin: string;
  data: unknown;
}

/** The window the picker was opened in, and the origin of the page it was opened on. */
export interface PickerExpectation {
  source: unknown;
  origin: string;
}

/** The picker's answer, or null for any other message (another window, another origin, another shape). */
export function pickerMessageFrom(event: PickerEventLike, expected: PickerExpectation): PickerMessage | null {
  if (expected.source === null || event.source !== expected.source) return null;
  if (expected.origin === '' || expected.origin === 'null' || event.origin !== expected.origin) return null;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === 'parley:picker-cancelled') return { type: 'parley:picker-cancelled' };
  if (message.type !== 'parley:picked') return null;
  const { selector, label } = message;
  if (typeof selector !== 'string' || typeof label !== 'string') return null;
  const trimmed = selector.trim();
  if (trimmed === '' || trimmed.length > TOUR_FORM_LIMITS.selector) return null;
  return { type: 'parley:picked', selector: trimmed, label: label.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX) };
}

/** The origin of an http(s) URL; null for anything else (the picker only opens web pages). */
export function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The page to offer when the author asks to pick: the step's page when it
 * names one page (no wildcard) — a full URL as is, a path on the site of the
 * last page picked on — else the last page picked on, else nothing.
 */
export function pickerUrlFor(stepPage: string, lastUrl: string | null): string {
  const page = stepPage.trim();
  const last = lastUrl && httpOrigin(lastUrl) ? lastUrl : '';
  if (page === '' || /[*?]/.test(page)) return last;
  if (httpOrigin(page)) return page;
  if (page.startsWith('/') && last) return new URL(page, last).href;
  return last;
}

/** Why a page can't be opened with the picker, or null when it can: what the server checks too (its origin is checked there). */
export function pickerUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return 'Enter the address of a page of your site.';
  if (!httpOrigin(trimmed) || /\s/.test(trimmed)) return 'Enter a full http(s) address, such as https://example.com/settings.';
  if (trimmed.includes('#')) return 'Leave out the #fragment.';
  if (trimmed.length > TOUR_FORM_LIMITS.url) return `Keep the address to ${TOUR_FORM_LIMITS.url.toLocaleString('en')} characters.`;
  return null;
}
