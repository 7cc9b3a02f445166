import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVICES } from './devices.js';
import { BROWSERS, classifyUserAgent } from './user-agent.js';

// Real User-Agent headers, as sent by the browsers named.
const cases: Array<[string, string, ReturnType<typeof classifyUserAgent>]> = [
  ['Chrome, Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', { device: 'desktop', browser: 'Chrome' }],
  ['Chrome, macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', { device: 'desktop', browser: 'Chrome' }],
  ['Chrome, Linux', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', { device: 'desktop', browser: 'Chrome' }],
  ['Chrome, Android phone', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36', { device: 'mobile', browser: 'Chrome' }],
  ['Chrome, Android tablet', 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', { device: 'tablet', browser: 'Chrome' }],
  ['Chrome, iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1', { device: 'mobile', browser: 'Chrome' }],
  ['Android WebView', 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UD1A.230803.041; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36', { device: 'mobile', browser: 'Chrome' }],
  ['Edge, Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80', { device: 'desktop', browser: 'Edge' }],
  ['Edge legacy (EdgeHTML)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045', { device: 'desktop', browser: 'Edge' }],
  ['Edge, Android', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 EdgA/124.0.2478.64', { device: 'mobile', browser: 'Edge' }],
  ['Edge, iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/124.2478.71 Mobile/15E148 Safari/605.1.15', { device: 'mobile', browser: 'Edge' }],
  ['Opera, Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0', { device: 'desktop', browser: 'Opera' }],
  ['Opera, Android', 'Mozilla/5.0 (Linux; Android 10; VOG-L29) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 OPR/81.1.4292.78446', { device: 'mobile', browser: 'Opera' }],
  ['Opera Mini', 'Opera/9.80 (J2ME/MIDP; Opera Mini/5.1.21214/28.2725; U; ru) Presto/2.8.119 Version/11.10', { device: 'desktop', browser: 'Opera' }],
  ['Opera Mobile (Presto)', 'Opera/9.80 (Android 2.3.3; Linux; Opera Mobi/ADR-1111101157; U; es-ES) Presto/2.9.201 Version/11.50', { device: 'mobile', browser: 'Opera' }],
  ['Samsung Internet, phone', 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36', { device: 'mobile', browser: 'Samsung Internet' }],
  ['Samsung Internet, tablet', 'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-X906B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36', { device: 'tablet', browser: 'Samsung Internet' }],
  ['Firefox, Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0', { device: 'desktop', browser: 'Firefox' }],
  ['Firefox, Linux', 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', { device: 'desktop', browser: 'Firefox' }],
  ['Firefox, Android phone', 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0', { device: 'mobile', browser: 'Firefox' }],
  ['Firefox, Android tablet', 'Mozilla/5.0 (Android 14; Tablet; rv:125.0) Gecko/125.0 Firefox/125.0', { device: 'tablet', browser: 'Firefox' }],
  ['Firefox, iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15', { device: 'mobile', browser: 'Firefox' }],
  ['Safari, macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15', { device: 'desktop', browser: 'Safari' }],
  ['Safari, iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1', { device: 'mobile', browser: 'Safari' }],
  ['Safari, iPad (says Mobile too)', 'Mozilla/5.0 (iPad; CPU OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1', { device: 'tablet', browser: 'Safari' }],
  ['Safari, iPod touch', 'Mozilla/5.0 (iPod touch; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1', { device: 'mobile', browser: 'Safari' }],
  ['iOS in-app web view (no Safari token)', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/458.0.0.33.109]', { device: 'mobile', browser: null }],
  ['Android stock browser', 'Mozilla/5.0 (Linux; U; Android 4.0.3; ko-kr; LG-L160L Build/IML74K) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30', { device: 'mobile', browser: null }],
  ['Kindle Fire (Silk)', 'Mozilla/5.0 (Linux; U; Android 4.0.3; en-us; KFTT Build/IML74K) AppleWebKit/537.36 (KHTML, like Gecko) Silk/3.68 like Chrome/39.0.2171.93 Safari/537.36', { device: 'tablet', browser: 'Chrome' }],
  ['IE 11 on a Windows tablet PC', 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; Tablet PC 2.0; rv:11.0) like Gecko', { device: 'desktop', browser: null }],
  ['a bot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', { device: 'desktop', browser: null }],
  ['curl', 'curl/8.5.0', { device: 'desktop', browser: null }],
  ['empty', '', { device: 'desktop', browser: null }],
];

describe('classifyUserAgent', () => {
  it.each(cases)('%s', (_name, ua, expected) => {
    expect(classifyUserAgent(ua)).toEqual(expected);
  });

  it('always answers a known device and browser (or null), quickly, for any header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5_000 }), (ua) => {
        const { device, browser } = classifyUserAgent(ua);
        return DEVICES.includes(device) && (browser === null || BROWSERS.includes(browser));
      }),
    );
    const huge = 'Mozilla/5.0 ' + 'a'.repeat(1_000_000) + ' Chrome/1';
    // Tokens past 1 KB are not read (how fast: bench/hostile-inputs.bench.ts).
    expect(classifyUserAgent(huge)).toEqual({ device: 'desktop', browser: null });
  }, 10_000);
});
