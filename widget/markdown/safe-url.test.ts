import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.com/Path', 'https://example.com/Path'],
    ['mailto:help@example.com?subject=Hi', 'mailto:help@example.com?subject=Hi'],
    ['https://example.com/a b', 'https://example.com/a%20b'],
    ['  https://example.com  ', 'https://example.com/'],
  ])('allows the link %j as %j', (url, expected) => {
    expect(safeUrl(url, 'link')).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'blob:https://example.com/uuid',
    '//evil.example/x',
    '\\\\evil.example\\x',
    '/relative/path',
    'relative/path',
    '#fragment',
    '?query',
    '',
    'https://',
  ])('rejects the link %j', (url) => {
    expect(safeUrl(url, 'link')).toBeNull();
  });

  it('allows only http(s) for images', () => {
    expect(safeUrl('https://cdn.example.com/a.png', 'image')).toBe('https://cdn.example.com/a.png');
    expect(safeUrl('http://cdn.example.com/a.png', 'image')).toBe('http://cdn.example.com/a.png');
    expect(safeUrl('mailto:a@example.com', 'image')).toBeNull();
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', 'image')).toBeNull();
    expect(safeUrl('data:image/svg+xml,<svg onload=alert(1)>', 'image')).toBeNull();
    expect(safeUrl('javascript:alert(1)', 'image')).toBeNull();
  });

  it('returns the serialised URL, so hidden characters never reach the DOM', () => {
    expect(safeUrl('ht\ttps://exa\nmple.com/x', 'link')).toBe('https://example.com/x');
    expect(safeUrl('https://example.com/"onmouseover="x', 'link')).toBe('https://example.com/%22onmouseover=%22x');
  });
});
