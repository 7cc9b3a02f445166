/**
 * The server half of DESIGN.md §6, measured: message relay (raw Socket.IO vs
 * Parley on SQLite vs two Parley nodes on Postgres + Redis, in one run) and
 * idle sockets on one node (memory per socket, time to accept 10 000).
 * `benchScale()` is part of `npm run bench` (bench/run.ts); run alone
 * (`tsx bench/scale.ts`, after `npm run build`) it rewrites bench/results/scale.md
 * and the same section of latest.md, leaving the host-page section as it was.
 * Needs the machine's Postgres and Redis (as the tests do).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchIdleSockets, type IdleSocketsResult } from './idle-sockets.js';
import { benchRelay, type RelayComparison, type RelayResult } from './relay.js';

/** Where this section starts in latest.md. */
export const SCALE_HEADING = '## Message relay';

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const pct = (n: number, of: number) => `${f((100 * n) / of, 0)} %`;

function relayTable(r: RelayComparison): string[] {
  const cols: Array<[string, RelayResult]> = [
    ['raw Socket.IO relay', r.raw],
    ['Parley, SQLite, 1 node', r.parley],
    ...(r.cluster ? ([['Parley, Postgres + Redis, 2 nodes (visitors on A, agent on B)', r.cluster]] as Array<[string, RelayResult]>) : []),
  ];
  const row = (label: string, cell: (x: RelayResult, i: number) => string, budget = '') => `| ${label} | ${cols.map(([, x], i) => cell(x, i)).join(' | ')} | ${budget} |`;
  return [
    `${SCALE_HEADING} (servers in processes of their own; ${r.clients} visitors × ${r.perClient} messages back to back, then ${r.raw.offeredRate} msg/s for 5 s, then half of each one's own throughput for 3 s; one agent receives)`,
    '',
    `| | ${cols.map(([name]) => name).join(' | ')} | budget |`,
    `| --- | ${cols.map(() => '---').join(' | ')} | --- |`,
    row('throughput, closed loop (msg/s)', (x, i) => (i === 0 ? f(x.throughput, 0) : `${f(x.throughput, 0)} (${pct(x.throughput, r.raw.throughput)} of raw)`), '≥ 50 % of raw'),
    row(`ack p50 at ${r.raw.offeredRate} msg/s (ms)`, (x) => f(x.p50, 2)),
    row(`ack p99 at ${r.raw.offeredRate} msg/s (ms)`, (x) => f(x.p99, 2), '≤ 25'),
    row('achieved rate (msg/s)', (x) => f(x.achievedRate, 0)),
    row(`delivery to the agent p50 / p99 at ${r.raw.offeredRate} msg/s (ms)`, (x) => `${f(x.deliveryP50, 2)} / ${f(x.deliveryP99, 2)}`),
    row('busy after the last ack of that phase (s)', (x) => f(Math.max(0, x.quietAfterMs) / 1000, 1)),
    row('at half its own throughput: rate (msg/s)', (x) => f(x.half.rate, 0)),
    row('… ack p50 / p99 (ms)', (x) => `${f(x.half.p50, 2)} / ${f(x.half.p99, 2)}`),
    row('… delivery to the agent p50 / p99 (ms)', (x) => `${f(x.half.deliveryP50, 2)} / ${f(x.half.deliveryP99, 2)}`),
    row('delivered / acknowledged', (x) => `${x.delivered} / ${x.sent}`),
    row('server CPU per message, closed loop (ms)', (x) => f(x.serverCpuMsPerMessage, 3)),
    '',
  ];
}

function idleTable(x: IdleSocketsResult): string[] {
  const a = x.accept;
  return [
    '## Idle sockets (one Parley node on SQLite, its own process; visitors booted beforehand, one contact each)',
    '',
    '| metric | value | budget |',
    '| --- | --- | --- |',
    `| memory per idle visitor socket, RSS (${x.sockets} sockets, after GC) | ${f(x.rssBytesPerSocket / 1024)} KB | |`,
    `| … of which JS heap | ${f(x.heapBytesPerSocket / 1024)} KB | |`,
    `| node RSS: idle → with ${a.connected} sockets | ${f(x.baselineRssMb, 0)} MB → ${f(a.rssMb, 0)} MB (${f(a.rssBytesPerSocket / 1024)} KB per socket) | |`,
    `| time to accept ${a.wanted} sockets (${a.clientProcesses} client processes, 64 handshakes in flight each) | ${f(a.seconds, 1)} s (${f(a.connected / a.seconds, 0)} sockets/s) | |`,
    `| sockets connected | ${a.connected} of ${a.wanted}${a.failed ? ` (${a.failed} failed: ${a.firstError ?? '?'})` : ''} | ≥ 10 000 |`,
    `| visitors booted per second (setup: HTTP, a new contact each) | ${f(x.bootsPerSecond, 0)} | |`,
    `| open files limit (ulimit -n) | ${x.fdLimit} | |`,
    '',
  ];
}

export async function benchScale(): Promise<string[]> {
  // Everything here shares the machine's cores: what else ran shows in the load.
  const load = () => loadavg()[0].toFixed(1);
  const before = load();
  const relay = await benchRelay();
  const idle = await benchIdleSockets();
  return [...relayTable(relay), ...idleTable(idle), `_Load average (1 min) ${before} at the start, ${load()} at the end._`, ''];
}

/** Puts `section` in place of latest.md's scale section (or at its end). */
function updateLatest(section: string): void {
  const file = 'bench/results/latest.md';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Parley benchmarks\n\n`;
  const at = current.indexOf(SCALE_HEADING);
  writeFileSync(file, `${(at === -1 ? current : current.slice(0, at)).trimEnd()}\n\n${section}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const title = `# Parley server scale (${new Date().toISOString().slice(0, 10)}, ${process.version}, ${cpus().length} cores shared by servers and load generators)`;
  const section = (await benchScale()).join('\n');
  console.log(`${title}\n\n${section}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/scale.md', `${title}\n\n${section}\n`);
  updateLatest(section);
}
