import { describe, expect, it } from 'vitest';
import { contactDisplayName, initials, shortId } from './contact-name.js';
import { describeDevice, describeUserAgent } from './device.js';
import { formatRelative } from './relative-time.js';
import { safeHttpUrl, shortUrl } from './safe-url.js';

describe('formatRelative', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('uses compact units', () => {
    expect(formatRelative(ago(10_000), now)).toBe('now');
    expect(formatRelative(ago(-5_000), now)).toBe('now'); // clock skew
    expect(formatRelative(ago(5 * 60_000), now)).toBe('5m');
    expect(formatRelative(ago(3 * 3_600_000), now)).toBe('3h');
    expect(formatRelative(ago(2 * 86_400_000), now)).toBe('2d');
  });

  it('switches to a date after a week, with the year when it differs', () => {
    expect(formatRelative('2025-02-01T12:00:00Z', now, 'en-US')).toBe('Feb 1');
    expect(formatRelative('2024-02-01T12:00:00Z', now, 'en-US')).toBe('Feb 1, 2024');
    expect(formatRelative('not a date', now)).toBe('');
  });
});

describe('contactDisplayName', () => {
  it('prefers name, then email, then "Visitor" with a short id', () => {
    expect(contactDisplayName({ id: 'ct_1', name: 'Ada', email: 'ada@x.io' })).toBe('Ada');
    expect(contactDisplayName({ id: 'ct_1', name: ' ', email: 'ada@x.io' })).toBe('ada@x.io');
    expect(contactDisplayName({ id: 'con_8f3a91c2', name: null, email: null })).toBe('Visitor 3a91c2');
  });

  it('makes short ids and initials', () => {
    expect(shortId('a-b_c1234567')).toBe('234567');
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Visitor 3a91c2')).toBe('V');
    expect(initials('Visitor KW7YPY')).toBe('VK');
    expect(initials('ada@x.io')).toBe('AX');
    expect(initials('Q')).toBe('Q');
  });
});

describe('describeUserAgent', () => {
  it('names common browsers and systems', () => {
    const mac =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    expect(describeUserAgent(mac)).toBe('Chrome on macOS');
    expect(describeUserAgent(`${mac} Edg/126.0`)).toBe('Edge on macOS');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; rv:127.0) Gecko/20100101 Firefox/127.0')).toBe(
      'Firefox on Windows',
    );
    expect(
      describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Safari/604.1'),
    ).toBe('Safari on iOS');
    expect(describeUserAgent('curl/8.0')).toBe('Unknown browser');
  });

  it('joins the parts that are known', () => {
    expect(describeDevice(null)).toBeNull();
    expect(describeDevice({})).toBeNull();
    expect(describeDevice({ screen: '1440x900', timezone: 'Europe/Paris' })).toBe('1440x900 · Europe/Paris');
  });
});

describe('safeHttpUrl', () => {
  it('keeps only http(s) links', () => {
    expect(safeHttpUrl('https://shop.example/cart?x=1')).toBe('https://shop.example/cart?x=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });

  it('shortens for narrow columns', () => {
    expect(shortUrl('https://shop.example/')).toBe('shop.example');
    expect(shortUrl('https://shop.example/cart?x=1')).toBe('shop.example/cart?x=1');
  });
});
