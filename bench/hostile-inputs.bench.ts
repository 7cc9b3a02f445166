/**
 * Hostile input to the parsers that run on text from admins, users and the
 * wire: markdown, placeholders, user agents, URL globs and rule schemas. Each
 * must stay linear (or stop at a limit); time per input, median of 5 runs.
 * The tests check each still answers; the speed is measured here.
 *
 * Run: `npx tsx bench/hostile-inputs.bench.ts` (writes bench/results/hostile-inputs.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { personalize } from '../protocol/content/personalize.js';
import { classifyUserAgent, matchGlob, ruleSchema } from '../protocol/index.js';
import { HOSTILE_MARKDOWN } from '../widget/markdown/hostile-inputs.test-helper.js';
import { parseMarkdown } from '../widget/markdown/index.js';

const user = { user: { name: 'Ana', first_name: 'Ana', email: null, traits: {} } };
let nested: unknown = { segment: 's' };
for (let i = 0; i < 10_000; i++) nested = { not: nested };

const cases: Array<[string, number, () => unknown]> = [
  ...HOSTILE_MARKDOWN.map(([name, md]): [string, number, () => unknown] => [`markdown: ${name}`, md.length, () => parseMarkdown(md)]),
  ['personalize: 5 000 `{{`', 10_000, () => personalize('{{'.repeat(5_000), user)],
  ['personalize: unclosed fallback', 9_993, () => personalize('{{ user.a | fallback: "' + 'x'.repeat(9_970), user)],
  ['user agent: 1 MB header', 1_000_021, () => classifyUserAgent('Mozilla/5.0 ' + 'a'.repeat(1_000_000) + ' Chrome/1')],
  ['glob: backtracking pattern', 2_000, () => matchGlob('**a**a**a**a**a**a**a**a**b', 'a'.repeat(2_000))],
  ['rule schema: 10 000 nested `not`', 10_000, () => ruleSchema.safeParse(nested)],
  ['rule schema: 100 000 siblings', 100_000, () => ruleSchema.safeParse({ any: Array.from({ length: 100_000 }, () => ({ segment: 's' })) })],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = cases.map(([name, size, run]) => {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return `| ${name} | ${size.toLocaleString('en')} | ${median(samples).toFixed(1)} ms |`;
});
const table = ['# Hostile input', '', `${new Date().toISOString().slice(0, 10)} · Node ${process.version}`, '', '| input | size | time (median of 5) |', '| --- | --- | --- |', ...rows, ''].join('\n');
console.log(table);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/hostile-inputs.md', table);
