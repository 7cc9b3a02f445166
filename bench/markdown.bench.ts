/**
 * Markdown parser on hostile input (the renderer runs on admin- and
 * user-written text in the widget): time per input, median of 5 runs.
 *
 * Run: `npx tsx bench/markdown.bench.ts` (writes bench/results/markdown.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { HOSTILE_MARKDOWN } from '../widget/markdown/hostile-inputs.test-helper.js';
import { parseMarkdown } from '../widget/markdown/index.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = HOSTILE_MARKDOWN.map(([name, md]) => {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    parseMarkdown(md);
    samples.push(performance.now() - started);
  }
  return `| ${name} | ${md.length.toLocaleString('en')} | ${median(samples).toFixed(1)} ms |`;
});
const table = ['# Markdown parser on hostile input', '', `${new Date().toISOString().slice(0, 10)} · Node ${process.version}`, '', '| input | characters | parse (median of 5) |', '| --- | --- | --- |', ...rows, ''].join('\n');
console.log(table);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/markdown.md', table);
