import { describe, expect, it } from 'vitest';
import { pickerMessageFrom, pickerUrlFor, pickerUrlProblem } from './element-picker.js';

const opened = { name: 'the picker window' };
const expected = { source: opened, origin: 'https://app.example.com' };
const picked = { type: 'parley:picked', selector: '#save', label: 'Save changes' };

describe('pickerMessageFrom', () => {
  it('accepts a pick or a cancel from the opened window at the site’s origin', () => {
    expect(pickerMessageFrom({ source: opened, origin: 'https://app.example.com', data: picked }, expected)).toEqual(picked);
    expect(pickerMessageFrom({ source: opened, origin: 'https://app.example.com', data: { type: 'parley:picker-cancelled' } }, expected)).toEqual({
      type: 'parley:picker-cancelled',
    });
    // Whitespace around the selector and in the label is tidied.
    expect(pickerMessageFrom({ source: opened, origin: 'https://app.example.com', data: { ...picked, selector: ' #save ', label: ' Save\n changes ' } }, expected)).toEqual(picked);
  });

  it('refuses a forged origin, even from the right window', () => {
    for (const origin of ['https://evil.example', 'http://app.example.com', 'https://app.example.com:8443', 'null', '']) {
      expect(pickerMessageFrom({ source: opened, origin, data: picked }, expected)).toBeNull();
    }
  });

  it('refuses another window, even at the right origin', () => {
    expect(pickerMessageFrom({ source: { name: 'another tab' }, origin: 'https://app.example.com', data: picked }, expected)).toBeNull();
    expect(pickerMessageFrom({ source: null, origin: 'https://app.example.com', data: picked }, expected)).toBeNull();
    // Nothing opened (a blocked pop-up): nothing is the picker.
    expect(pickerMessageFrom({ source: null, origin: 'https://app.example.com', data: picked }, { source: null, origin: 'https://app.example.com' })).toBeNull();
  });

  it('refuses malformed data', () => {
    const from = (data: unknown) => pickerMessageFrom({ source: opened, origin: 'https://app.example.com', data }, expected);
    for (const data of [
      null,
      undefined,
      'parley:picked',
      42,
      [],
      { type: 'parley:pick', selector: '#a', label: 'A' },
      { type: 'parley:picked', label: 'No selector' },
      { type: 'parley:picked', selector: 42, label: 'A' },
      { type: 'parley:picked', selector: '#a' },
      { type: 'parley:picked', selector: '#a', label: { toString: () => 'A' } },
      { type: 'parley:picked', selector: '   ', label: 'Blank' },
    ]) {
      expect(from(data)).toBeNull();
    }
  });

  it('refuses a selector longer than the server accepts (300 characters)', () => {
    const from = (selector: string) => pickerMessageFrom({ source: opened, origin: 'https://app.example.com', data: { ...picked, selector } }, expected);
    expect(from(`#${'a'.repeat(299)}`)).toEqual({ ...picked, selector: `#${'a'.repeat(299)}` });
    expect(from(`#${'a'.repeat(300)}`)).toBeNull();
  });
});

describe('pickerUrlFor', () => {
  it('offers the step’s page when it is one page, else the last page picked on', () => {
    expect(pickerUrlFor('https://app.example.com/settings', null)).toBe('https://app.example.com/settings');
    expect(pickerUrlFor('/settings/billing', 'https://app.example.com/dashboard')).toBe('https://app.example.com/settings/billing');
    expect(pickerUrlFor('/settings/*', 'https://app.example.com/dashboard')).toBe('https://app.example.com/dashboard');
    expect(pickerUrlFor('', 'https://app.example.com/dashboard')).toBe('https://app.example.com/dashboard');
    // A path with nowhere to put it, or a remembered value that is no web page.
    expect(pickerUrlFor('/settings', null)).toBe('');
    expect(pickerUrlFor('', 'javascript:alert(1)')).toBe('');
  });
});

describe('pickerUrlProblem', () => {
  it('wants a full http(s) address without a fragment', () => {
    expect(pickerUrlProblem('https://app.example.com/settings')).toBeNull();
    expect(pickerUrlProblem('')).toBe('Enter the address of a page of your site.');
    expect(pickerUrlProblem('/settings')).toMatch(/^Enter a full http\(s\) address/);
    expect(pickerUrlProblem('javascript:alert(1)')).toMatch(/^Enter a full http\(s\) address/);
    expect(pickerUrlProblem('https://app.example.com/#top')).toBe('Leave out the #fragment.');
  });
});
