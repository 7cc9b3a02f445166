/**
 * Message relay, Parley vs a raw Socket.IO relay (DESIGN.md §6), each server in
 * its own process on this machine (bench/relay-setups.ts):
 * - throughput: C visitors each send M messages back to back (awaiting each ack);
 * - ack latency at a fixed offered rate (2 000 msg/s for 5 s): p50 / p99, and
 *   again at half the set-up's own throughput (3 s), its latency when not overloaded;
 * - delivery latency in the same phase: send → the agent's `message:new`
 *   (for the two-node set-up, across Redis).
 * Parley stores every message durably (SQLite WAL, or Postgres) before acking
 * and fans it out to a connected agent socket; the raw relay only forwards.
 */
import type { Socket } from 'socket.io-client';
import { cpuMsOf, quantile } from './bench-processes.js';
import { clusterSetup, type RelaySetup, rawSetup, type Sender, sqliteSetup } from './relay-setups.js';

export interface RelayResult {
  throughput: number;
  p50: number;
  p99: number;
  offeredRate: number;
  achievedRate: number;
  /** Send → the agent saw it, in the fixed-rate phase (ms). */
  deliveryP50: number;
  deliveryP99: number;
  /** The same at half the set-up's own closed-loop throughput: latency when not overloaded. */
  half: OpenLoop;
  /** How long the servers stayed busy after the last ack of the fixed-rate phase (ms). */
  quietAfterMs: number;
  /** Messages the agent received out of those acknowledged (all phases). */
  delivered: number;
  sent: number;
  /** Server CPU time (all its processes) per message in the closed loop: what a message costs, whatever else the machine runs. */
  serverCpuMsPerMessage: number;
}

/** Counts what reaches the agent and, for the messages being timed, when. */
function watchAgent(agent: Socket) {
  const timed = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  agent.on('message:new', (m: { clientId?: unknown }) => {
    received += 1;
    const sent = typeof m.clientId === 'string' ? timed.get(m.clientId) : undefined;
    if (sent === undefined) return;
    timed.delete(m.clientId as string);
    latencies.push(performance.now() - sent);
  });
  return { timed, latencies, received: () => received };
}

interface OpenLoop {
  rate: number;
  p50: number;
  p99: number;
  achievedRate: number;
  deliveryP50: number;
  deliveryP99: number;
  sent: number;
}

/** Open loop: `rate` messages a second for `seconds`, spread over the senders, whatever the acks do. */
async function openLoop(senders: Sender[], watch: ReturnType<typeof watchAgent>, rate: number, seconds: number, first: number): Promise<OpenLoop> {
  const latencies: number[] = [];
  watch.latencies.length = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const s = senders[i % senders.length];
    const n = first + i;
    const sent = performance.now();
    watch.timed.set(s.clientIdOf(n), sent);
    pending.push(s.socket.emitWithAck('message:send', s.payload(n)).then(() => void latencies.push(performance.now() - sent)));
  }
  await Promise.all(pending);
  const achievedRate = total / ((performance.now() - start) / 1000);
  // Stragglers on their way to the agent: a second or two at most.
  for (let waited = 0; watch.timed.size > 0 && waited < 3_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  watch.timed.clear();
  return {
    rate,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    achievedRate,
    deliveryP50: quantile(watch.latencies, 0.5),
    deliveryP99: quantile(watch.latencies, 0.99),
    sent: total,
  };
}

/** Waits until the servers use under a tenth of a core each over a second (at most two minutes); returns how long that took. */
async function untilQuiet(pids: readonly number[]): Promise<number> {
  const t0 = performance.now();
  for (let last = cpuMsOf(pids); performance.now() - t0 < 120_000; ) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = cpuMsOf(pids);
    if (!(now - last > 100 * pids.length)) break;
    last = now;
  }
  return performance.now() - t0 - 1_000;
}

async function measure({ senders, agent, serverPids }: RelaySetup, perClient: number, rate: number): Promise<RelayResult> {
  const watch = watchAgent(agent);
  // Throughput: closed loop.
  const cpu0 = cpuMsOf(serverPids);
  const t0 = performance.now();
  await Promise.all(
    senders.map(async (s) => {
      for (let i = 0; i < perClient; i++) await s.socket.emitWithAck('message:send', s.payload(i));
    }),
  );
  const throughput = (senders.length * perClient) / ((performance.now() - t0) / 1000);
  const serverCpuMsPerMessage = (cpuMsOf(serverPids) - cpu0) / (senders.length * perClient);

  // Latency at the budget's rate (past what a server can take, it measures the queue), then at half of what it can.
  const atRate = await openLoop(senders, watch, rate, 5, 1_000_000);
  // Work left over from the overload (fan-out, reactions) runs after the acks: let it finish first.
  const quietAfterMs = await untilQuiet(serverPids);
  const half = await openLoop(senders, watch, Math.max(20, Math.round(throughput / 2)), 3, 2_000_000);
  const sent = senders.length * perClient + atRate.sent + half.sent;
  for (let waited = 0; watch.received() < sent && waited < 3_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  return {
    throughput,
    p50: atRate.p50,
    p99: atRate.p99,
    offeredRate: rate,
    achievedRate: atRate.achievedRate,
    deliveryP50: atRate.deliveryP50,
    deliveryP99: atRate.deliveryP99,
    half,
    quietAfterMs,
    delivered: watch.received(),
    sent,
    serverCpuMsPerMessage,
  };
}

async function measureSetup(setup: Promise<RelaySetup>, perClient: number, rate: number): Promise<RelayResult> {
  const s = await setup;
  try {
    return await measure(s, perClient, rate);
  } finally {
    await s.close();
  }
}

export interface RelayComparison {
  clients: number;
  perClient: number;
  raw: RelayResult;
  parley: RelayResult;
  /** Two nodes on Postgres + Redis (absent with `cluster: false`). */
  cluster?: RelayResult;
}

export async function benchRelay(opts: { clients?: number; perClient?: number; rate?: number; cluster?: boolean } = {}): Promise<RelayComparison> {
  const clients = opts.clients ?? 20;
  const perClient = opts.perClient ?? 250;
  const rate = opts.rate ?? 2_000;
  const raw = await measureSetup(rawSetup(clients), perClient, rate);
  const parley = await measureSetup(sqliteSetup(clients), perClient, rate);
  const cluster = opts.cluster === false ? undefined : await measureSetup(clusterSetup(clients), perClient, rate);
  return { clients, perClient, raw, parley, cluster };
}
