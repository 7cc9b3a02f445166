/**
 * Inputs built to make a naive markdown parser backtrack or go quadratic:
 * the parse tests check each still parses, bench/hostile-inputs.bench.ts times them.
 */
export const HOSTILE_MARKDOWN: Array<[string, string]> = [
  ['stars', '*'.repeat(50_000)],
  ['brackets', '['.repeat(50_000)],
  ['image openers', '!['.repeat(25_000)],
  ['empty images', '![]('.repeat(10_000)],
  ['link openers', '[a]('.repeat(12_500)],
  ['alternating emphasis', '*a _b '.repeat(8_000)],
  ['deep emphasis', '*a '.repeat(10_000) + ' a*'.repeat(10_000)],
  ['backtick runs', Array.from({ length: 300 }, (_, i) => '`'.repeat(i + 1)).join(' x ')],
  ['unclosed ticks', '`` `'.repeat(12_500)],
  ['quotes', '>'.repeat(50_000)],
  ['quote lines', '> '.repeat(20).concat('x\n').repeat(2_000)],
  ['list markers', '- '.repeat(25_000) + 'x'],
  ['placeholders', '{{a '.repeat(12_500) + ' '.repeat(10_000)],
  ['bare URLs', 'http://a('.repeat(6_000)],
  ['spaces before newline', ' '.repeat(50_000) + 'x\n'],
];
