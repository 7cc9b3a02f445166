/**
 * The `device` and `browser` facets of a visit, from its User-Agent header.
 * Computed once per visit on the server (and stored on the contact), so rules
 * like `{ device: { op: 'eq', value: 'mobile' } }` need no client hints.
 * Zod-free and small: the widget may bundle it too.
 *
 * @example
 * classifyUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) … Version/17.4 Mobile/15E148 Safari/604.1')
 * // { device: 'mobile', browser: 'Safari' }
 *
 * Known limits: iPadOS 13+ in its default "desktop site" mode sends a
 * Macintosh UA and is classified desktop (only touch support tells them
 * apart, which a header does not carry). Chromium-based browsers without a
 * token of their own (Brave, Arc) report as Chrome.
 */
import type { Device } from './devices.js';

/**
 * Longer headers are cut before matching: the tokens we look for sit well
 * inside the first kilobyte, and the work stays bounded for hostile headers.
 */
const UA_MAX = 1_024;

export const BROWSERS = ['Edge', 'Opera', 'Samsung Internet', 'Firefox', 'Chrome', 'Safari'] as const;
export type Browser = (typeof BROWSERS)[number];

/**
 * First match wins, so the order matters: Edge, Opera and Samsung Internet
 * also say "Chrome", and every Chromium browser also says "Safari".
 * Tokens cover desktop, Android and iOS builds (Chrome on iOS is `CriOS`,
 * Firefox `FxiOS`, Edge `EdgiOS`, Opera `OPiOS`/`OPT`).
 */
const BROWSER_TOKENS: ReadonlyArray<readonly [Browser, RegExp]> = [
  ['Edge', /\b(?:Edge?|EdgA|EdgiOS)\//],
  ['Opera', /\b(?:OPR|OPiOS|OPT)\/|\bOpera\b/],
  ['Samsung Internet', /\bSamsungBrowser\//],
  ['Firefox', /\b(?:Firefox|FxiOS)\//],
  ['Chrome', /\b(?:Chrome|CriOS)\//],
];

function browserOf(ua: string): Browser | null {
  for (const [name, token] of BROWSER_TOKENS) if (token.test(ua)) return name;
  // Android's old stock browser also says "Safari" (with "Version/4.0"); it is not Safari.
  // In-app web views on iOS omit "Safari/", and are not Safari either.
  if (/\bSafari\//.test(ua) && !/\bAndroid\b/.test(ua)) return 'Safari';
  return null;
}

function deviceOf(ua: string): Device {
  // iPads say "Mobile" too, so they are checked first.
  if (/\biPad\b/.test(ua)) return 'tablet';
  // Google's convention: Android phones add "Mobile" (Opera Mobile: "Mobi/"), tablets do not.
  if (/\bAndroid\b/.test(ua)) return /Mobi/.test(ua) ? 'mobile' : 'tablet';
  if (/\biP(?:hone|od)\b/.test(ua)) return 'mobile';
  // "Mobi" is the token MDN recommends; it also catches Opera's "Mobi/".
  if (/Mobi/.test(ua)) return 'mobile';
  // Firefox OS / KaiOS tablets say "Tablet"; Windows "Tablet PC" is a laptop flag.
  if (/\bTablet\b(?! PC)/.test(ua) || /\b(?:Kindle|Silk)\b/.test(ua)) return 'tablet';
  return 'desktop';
}

export function classifyUserAgent(ua: string): { device: Device; browser: Browser | null } {
  const head = ua.length > UA_MAX ? ua.slice(0, UA_MAX) : ua;
  return { device: deviceOf(head), browser: browserOf(head) };
}
