/**
 * `npm run bench`: the measurements behind DESIGN.md §6, printed and written to
 * bench/results/latest.md (the server part also to bench/results/scale.md).
 * Needs a build (`npm run build`), Debian's Chromium, and the machine's
 * Postgres and Redis (the two-node relay).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { startTestServer } from '../server/test-support/test-server.js';
import { benchHostPage } from './host-page.js';
import { benchScale } from './scale.js';

const f = (n: number, d = 1) => n.toFixed(d);
const date = new Date().toISOString().slice(0, 10);
const lines: string[] = [`# Parley benchmarks (${date}, ${process.version}, ${cpus().length} cores)`, ''];

const server = await startTestServer();
try {
  const host = await benchHostPage(server);
  lines.push(
    '## Host page cost (Chromium, 4× CPU throttling, median of ' + host.runs + ' loads, launcher visible + socket connected)',
    '',
    '| metric | without Parley | with Parley | added | budget |',
    '| --- | --- | --- | --- | --- |',
    `| script time (ms) | ${f(host.scriptMs.without)} | ${f(host.scriptMs.with)} | ${f(host.scriptMs.added)} | ≤ 30 |`,
    `| JS heap (KB) | ${f(host.heapKb.without, 0)} | ${f(host.heapKb.with, 0)} | ${f(host.heapKb.added, 0)} | ≤ 500 |`,
    `| long tasks > 50 ms | | ${host.longTasksOver50ms} | | 0 |`,
    '',
  );
} finally {
  await server.stop();
}

const scale = await benchScale();
lines.push(...scale);

const text = lines.join('\n');
console.log(text);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', `${text}\n`);
writeFileSync('bench/results/scale.md', `# Parley server scale (${date}, ${process.version}, ${cpus().length} cores shared by servers and load generators)\n\n${scale.join('\n')}\n`);
