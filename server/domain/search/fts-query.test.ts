import { describe, expect, it } from 'vitest';
import { ftsMatchExpression, plainExcerpt, tsQuerySource } from './fts-query.js';

describe('ftsMatchExpression', () => {
  it('quotes every word and makes the last one a prefix', () => {
    expect(ftsMatchExpression('refund  card')).toBe('"refund" "card"*');
    expect(ftsMatchExpression('  lov ')).toBe('"lov"*');
  });

  it.each([
    ['"a" OR *', '"""a""" "OR"*'],
    ['NEAR(a b', '"NEAR(a" "b"*'],
    ['body:secret', '"body:secret"*'],
    ['^start -x', '"^start" "-x"*'],
    ['a" OR "b', '"a""" "OR" """b"*'],
  ])('turns %s into plain strings: %s', (input, expected) => {
    expect(ftsMatchExpression(input)).toBe(expected);
  });

  it('splits at control characters: a NUL would end the FTS5 query mid-string', () => {
    expect(ftsMatchExpression('ref\u0000und')).toBe('"ref" "und"*');
    expect(ftsMatchExpression('\u0000')).toBeNull();
  });

  it('drops terms with nothing searchable and matches nothing when none is left', () => {
    expect(ftsMatchExpression('* " ( )')).toBeNull();
    expect(ftsMatchExpression('')).toBeNull();
    expect(ftsMatchExpression('*** café ***')).toBe('"café"*');
  });

  it('keeps at most 16 terms', () => {
    expect(ftsMatchExpression(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))?.split(' ')).toHaveLength(16);
  });
});

describe('tsQuerySource', () => {
  it('folds accents and case, splits like the index and makes the last word a prefix', () => {
    expect(tsQuerySource('Café  Ada@Example.com')).toBe("'cafe' & 'ada' & 'example' & 'com':*");
    expect(tsQuerySource('مَرْحَبًا')).toBe("'مرحبا':*");
  });

  it.each(["'; DROP TABLE messages; --", "a' | 'b", '!x & y:*', "(refund | x) <-> 'q'", 'a\\b'])('keeps only letters and digits of %s', (input) => {
    const source = tsQuerySource(input) ?? '';
    for (const lexeme of source.split(' & ')) expect(lexeme).toMatch(/^'[\p{L}\p{N}]+'(:\*)?$/u);
  });

  it('matches nothing when nothing searchable is left', () => {
    expect(tsQuerySource('* " ( )')).toBeNull();
    expect(tsQuerySource('\u0000')).toBeNull();
  });
});

describe('plainExcerpt', () => {
  it('makes one line of text', () => {
    expect(plainExcerpt('line one\n\nline\ttwo\u2028end ')).toBe('line one line two end');
    expect(plainExcerpt(null)).toBe('');
  });
});
