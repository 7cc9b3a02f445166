/**
 * `npm run bench`: the measurements behind DESIGN.md §6, printed and written to
 * bench/results/latest.md. Needs a build (`npm run build`) and Debian's Chromium.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { startTestServer } from '../server/test-support/test-server.js';
import { benchHostPage } from './host-page.js';
import { benchRelay } from './relay.js';

const f = (n: number, d = 1) => n.toFixed(d);
const lines: string[] = [`# Parley benchmarks (${new Date().toISOString().slice(0, 10)}, ${process.version}, 2 cores)`, ''];

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

const relay = await benchRelay();
lines.push(
  '## Message relay (separate server process; 20 clients)',
  '',
  '| | raw Socket.IO relay | Parley (SQLite, durable, fan-out to an agent) | ratio | budget |',
  '| --- | --- | --- | --- | --- |',
  `| throughput, closed loop (msg/s) | ${f(relay.raw.throughput, 0)} | ${f(relay.parley.throughput, 0)} | ${f((100 * relay.parley.throughput) / relay.raw.throughput, 0)} % | ≥ 50 % |`,
  `| ack p50 at ${relay.parley.offeredRate} msg/s (ms) | ${f(relay.raw.p50, 2)} | ${f(relay.parley.p50, 2)} | | |`,
  `| ack p99 at ${relay.parley.offeredRate} msg/s (ms) | ${f(relay.raw.p99, 2)} | ${f(relay.parley.p99, 2)} | | ≤ 25 |`,
  `| achieved rate (msg/s) | ${f(relay.raw.achievedRate, 0)} | ${f(relay.parley.achievedRate, 0)} | | |`,
  '',
);

const text = lines.join('\n');
console.log(text);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', `${text}\n`);
