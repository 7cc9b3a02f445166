import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin-allowlist.js';

describe('isOriginAllowed', () => {
  const list = ['https://app.example.com', 'http://localhost:*', 'https://*.acme.io'];
  it.each([
    ['https://app.example.com', true],
    ['https://app.example.com:443', true],
    ['http://app.example.com', false],
    ['https://evil.com', false],
    ['https://app.example.com.evil.com', false],
    ['http://localhost:5173', true],
    ['http://localhost', true],
    ['https://localhost:5173', false],
    ['https://eu.acme.io', true],
    ['https://acme.io', false],
    ['https://evilacme.io', false],
    ['null', false],
    [undefined, false],
  ])('%s → %s', (origin, expected) => {
    expect(isOriginAllowed(list, origin)).toBe(expected);
  });

  it('allows any origin when the list is empty', () => {
    expect(isOriginAllowed([], 'https://anything.example')).toBe(true);
  });
});
