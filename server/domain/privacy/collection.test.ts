/** What is kept of a page view and a survey answer: allow-listed query parameters only; scores and choices, never free text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../../protocol/index.js';
import { countryFrom } from './country.js';
import { scrubAnswers } from './survey-scrub.js';
import { keepAllowedQuery } from './url-query.js';

describe('keepAllowedQuery', () => {
  it('drops the query and fragment unless a parameter is allow-listed', () => {
    expect(keepAllowedQuery('https://a.test/p?email=x%40y.z&utm_source=m&token=t#frag', [])).toBe('https://a.test/p');
    expect(keepAllowedQuery('https://a.test/p?email=x&utm_source=m&token=t#frag', ['utm_source'])).toBe('https://a.test/p?utm_source=m');
    expect(keepAllowedQuery('not a url?secret=1', ['secret'])).toBe('not a url');
    expect(keepAllowedQuery(undefined, ['a'])).toBeNull();
  });

  it('never keeps a parameter outside the allowlist, nor a fragment (property)', () => {
    const name = fc.stringMatching(/^[a-z_]{1,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { maxLength: 6 }), fc.array(name, { maxLength: 3 }), fc.string({ maxLength: 8 }), (params, allowed, fragment) => {
        const url = new URL('https://site.test/path');
        for (const [k, v] of params) url.searchParams.append(k, v);
        url.hash = fragment;
        const kept = keepAllowedQuery(url.toString(), allowed);
        expect(kept).not.toBeNull();
        const back = new URL(kept ?? '');
        expect(back.hash).toBe('');
        for (const key of back.searchParams.keys()) expect(allowed).toContain(key);
        expect([...back.searchParams].length).toBe(params.filter(([k]) => allowed.includes(k)).length);
      }),
    );
  });
});

describe('countryFrom', () => {
  it('takes two letters and nothing else', () => {
    expect(countryFrom('de')).toBe('DE');
    expect(countryFrom(['FR', 'DE'])).toBe('FR');
    for (const bad of [undefined, '', 'XX', 'DEU', '1.2.3.4', 'D']) expect(countryFrom(bad)).toBeNull();
  });
});

describe('scrubAnswers', () => {
  const questions: SurveyQuestion[] = [
    { id: 'nps', type: 'nps', text: 'Recommend?' },
    { id: 'one', type: 'single', text: 'Pick', options: ['Speed', 'Price'], allow_other: true },
    { id: 'many', type: 'multi', text: 'Pick any', options: ['A', 'B'], allow_other: true },
    { id: 'why', type: 'text', text: 'Why?' },
  ];

  it('keeps scores and the survey’s own options; drops free text and "Other" answers', () => {
    expect(scrubAnswers(questions, { nps: 9, one: 'Speed', many: ['A', 'my own words'], why: 'because' })).toEqual({ nps: 9, one: 'Speed', many: ['A'] });
    expect(scrubAnswers(questions, { one: 'something I typed', many: ['typed'], gone: 3 })).toEqual({});
  });
});
