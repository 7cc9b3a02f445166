import { describe, expect, it } from 'vitest';
import { matchGlob } from './glob.js';
import { compileGuardedRegex, regexProblem } from './regex-guard.js';
import { parseDuration, resolveRuleDate, traitTimestamp } from './time-values.js';

describe('matchGlob', () => {
  it.each([
    ['/billing/*', '/billing/cards', true],
    ['/billing/*', '/billing/cards/visa', false],
    ['/billing/*', '/billing', false],
    ['/billing/**', '/billing', true],
    ['/billing/**', '/billing/cards/visa', true],
    ['/billing/**', '/billingx', false],
    ['/docs/**/intro', '/docs/intro', true],
    ['/docs/**/intro', '/docs/a/b/intro', true],
    ['/docs/**/intro', '/docsx/intro', false],
    ['**/settings', '/a/b/settings', true],
    ['/*', '/', true],
    ['/users/*/edit', '/users/42/edit', true],
    ['/users/*/edit', '/users/42/7/edit', false],
    ['/a.b', '/axb', false], // `.` is literal, unlike a regex
    ['*', '', true],
    ['', '', true],
  ])('%s ~ %s → %s', (pattern, path, expected) => {
    expect(matchGlob(pattern, path)).toBe(expected);
  });

  // Linear time is measured in bench/hostile-inputs.bench.ts; a backtracking matcher would hit the timeout.
  it('answers patterns that would backtrack as a RegExp', () => {
    expect(matchGlob('**a**a**a**a**a**a**a**a**b', 'a'.repeat(2_000))).toBe(false);
  }, 5_000);
});

describe('regexProblem', () => {
  it.each([
    ['^/billing/[a-z]+$', null],
    ['^/(billing|plans)/', null],
    ['(ab)+', null],
    ['(?:foo|bar)?', null],
    ['[(+]+', null], // quantifier characters inside a class are literal
    ['a{2,}', null],
    ['(a+)+', 'nested'],
    ['(a*)*', 'nested'],
    ['(\\w+\\s?)*$', 'nested'],
    ['(a{1,5}){2,}', 'nested'],
    ['(a|aa)+', 'nested'],
    ['((ab)*c)+', 'nested'],
    ['(a)\\1', 'backreferences'],
    ['(?<x>a)\\k<x>', 'backreferences'],
    ['(', 'invalid'],
    ['a+'.repeat(13), 'quantifiers'],
  ])('%s', (source, problem) => {
    const found = regexProblem(source);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('compiles each pattern once and refuses unsafe ones', () => {
    expect(compileGuardedRegex('^/x')).toBe(compileGuardedRegex('^/x'));
    expect(compileGuardedRegex('(a+)+')).toBeNull();
  });
});

describe('time values', () => {
  const now = Date.parse('2025-06-15T00:00:00Z');
  it.each([
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['0d', null],
    ['7', null],
    ['3651d', null],
  ])('duration %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it('resolves relative and ISO dates, strictly', () => {
    expect(resolveRuleDate('-1d', now)).toBe(now - 86_400_000);
    expect(resolveRuleDate('+1h', now)).toBe(now + 3_600_000);
    expect(resolveRuleDate('2025-01-01', now)).toBe(Date.parse('2025-01-01'));
    expect(resolveRuleDate('1', now)).toBeNull();
    expect(resolveRuleDate('June 1', now)).toBeNull();
  });

  it('reads trait dates: ISO, Unix seconds, epoch ms', () => {
    expect(traitTimestamp('2025-06-01T10:00:00Z')).toBe(Date.parse('2025-06-01T10:00:00Z'));
    expect(traitTimestamp(1_700_000_000)).toBe(1_700_000_000_000);
    expect(traitTimestamp(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(traitTimestamp('pro')).toBeNull();
    expect(traitTimestamp(true)).toBeNull();
  });
});
