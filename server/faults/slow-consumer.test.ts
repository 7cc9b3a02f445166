/**
 * A slow consumer must cost only itself. An agent's socket (it gets every
 * message of the workspace) completes the handshake and then never reads
 * again. Meanwhile an inbox agent sends replies into four conversations and
 * the four visitors write back. Two kinds of stalled socket:
 * - silent (no pongs either), with small replies: the server drops it at its
 *   ping timeout, before its queue reaches the bound;
 * - still answering pings (blind pongs, as a broken or hostile client could),
 *   with 8 kB replies: the ping never times out, so the server drops it once
 *   more than MAX_QUEUED_BYTES wait for it (slow-consumer-guard.ts). Without
 *   that guard its queue grew without bound: this case found it.
 * Each time proves: the others' acks and live deliveries keep coming while the
 * stalled socket is still connected (every ack ok, every push once and in
 * order); the stalled socket is dropped, by the expected mechanism (seen from
 * the inbox as that agent going offline), so what the server holds for it is
 * bounded; and afterwards the node serves newcomers as before. The ping
 * timeout is shortened (SOCKET_PING_* = 2 s + 5 s) so this runs in seconds.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ack, Message } from '../../protocol/index.js';
import type { PresenceNotice } from '../../protocol/inbox/teams.js';
import { createAgent } from '../test-support/team-fixtures.js';
import {
  bootVisitor,
  connectAgent,
  connectVisitor,
  loginAgent,
  nextEvent,
  startTestServer,
  type TestServer,
  type VisitorSocket,
} from '../test-support/test-server.js';
import { conversationProblems, groupByConversation } from './support/invariants.js';
import { until, withProcessEnv } from './support/load.js';
import { openRawSocket, type RawSocket } from './support/raw-socket.js';

const CONVERSATIONS = 4;
/** Rounds after the stalled socket is dropped, to show nothing changed for the others. */
const ROUNDS_AFTER_DROP = 10;
/** 32 MB pushed at the stalled socket at most: far past the bound, if it is not dropped by then. */
const MAX_ROUNDS = 1_000;
/** Reply bodies: small while waiting for the ping timeout (its queue stays under the bound), 8 kB to pass the bound fast. */
const SMALL = 'x'.repeat(200);
const BIG = 'x'.repeat(8_000);

let server: TestServer;
const stalled: RawSocket[] = [];
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  server = await withProcessEnv({ SOCKET_PING_INTERVAL_MS: '2000', SOCKET_PING_TIMEOUT_MS: '5000', SOCKET_EVENTS_PER_10S: '100000' }, () => startTestServer());
});
afterAll(async () => {
  stalled.forEach((raw) => raw.destroy());
  sockets.forEach((s) => s.close());
  await server?.stop();
});

type SendAck = Ack<{ message: Message }>;

/** Sends "pong" every half second without reading a thing: the ping timeout never fires. */
function blindPongs(raw: RawSocket): () => void {
  const timer = setInterval(() => raw.sendText('3'), 500);
  return () => clearInterval(timer);
}

interface Stall {
  name: string;
  /** Starts what the stalled socket does besides not reading; returns how to stop it. */
  stall: (raw: RawSocket) => () => void;
  filler: string;
  /** A pause between rounds: keeps the silent socket's queue far under the bound until its ping timeout. */
  paceMs: number;
  /** Which drop is expected: at the ping timeout, or by the queue bound (logged as a warning). */
  droppedBy: 'ping timeout' | 'queue bound';
}

async function scenario({ name, stall, filler, paceMs, droppedBy }: Stall): Promise<void> {
  // The guard logs each drop it makes: how to tell its drops from the ping timeout's.
  const warn = vi.spyOn(server.logger, 'warn');
  const admin = await loginAgent(server.url);
  const inbox = await connectAgent(server.url, admin.cookie);
  sockets.push(inbox);
  const pushedToInbox: Message[] = [];
  inbox.on('message:new', (m) => pushedToInbox.push(m));

  // The slow consumer: another agent whose socket stops reading right after joining /agent.
  const slow = await createAgent(server, { name: `Slow ${name}` });
  const online = nextEvent<PresenceNotice>(inbox, 'presence', 5_000, (n) => n.agentId === slow.id && n.presence === 'online');
  const raw = await openRawSocket({ port: server.port, origin: server.url, cookie: slow.cookie });
  stalled.push(raw);
  raw.sendText('40/agent,');
  await raw.waitFor('40/agent,{"sid"');
  await online;
  raw.stopReading();
  const stopStalling = stall(raw);
  let droppedAtRound = -1;
  let round = 0;
  let notDropped: unknown = null;
  const dropped = nextEvent<PresenceNotice>(inbox, 'presence', 60_000, (n) => n.agentId === slow.id && n.presence === 'offline').then(
    () => {
      droppedAtRound = round;
    },
    (err: unknown) => {
      notDropped = err;
    },
  );

  const visitors: VisitorSocket[] = [];
  const conversationIds: string[] = [];
  const pushedToVisitor: Message[][] = [];
  for (let c = 0; c < CONVERSATIONS; c++) {
    const socket = await connectVisitor(server.url, (await bootVisitor(server.url)).token);
    sockets.push(socket);
    pushedToVisitor.push([]);
    socket.on('message:new', (m) => pushedToVisitor[c].push(m));
    const started = await socket.emitWithAck('conversation:start', { clientId: `slow-${name}-start-${c}`, body: `visitor ${c} here` });
    if (!started.ok) throw new Error(started.error.message);
    visitors.push(socket);
    conversationIds.push(started.data.conversation.id);
  }

  // Rounds: each conversation gets an 8 kB agent reply (and every tenth round a visitor line), one
  // request in flight per conversation, until the stalled socket is gone and some more.
  const failed: string[] = [];
  const expectAck = (what: string, ack: SendAck) => {
    if (!ack.ok) failed.push(`${what}: ${ack.error.code}`);
  };
  for (; round < MAX_ROUNDS && !notDropped && (droppedAtRound < 0 || round < droppedAtRound + ROUNDS_AFTER_DROP); round++) {
    await Promise.all(
      conversationIds.map(async (conversationId, c) => {
        const reply = (await inbox.timeout(10_000).emitWithAck('message:send', { conversationId, clientId: `slow-${name}-reply-${c}-${round}`, body: `${round} ${filler}` })) as SendAck;
        expectAck(`reply ${c}/${round}`, reply);
        if (round % 10 === 0) {
          const line = (await visitors[c].timeout(10_000).emitWithAck('message:send', { conversationId, clientId: `slow-${name}-visitor-${c}-${round}`, body: `visitor line ${round}` })) as SendAck;
          expectAck(`visitor ${c}/${round}`, line);
        }
      }),
    );
    if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
  }
  await dropped;
  stopStalling();
  if (notDropped) throw notDropped;
  expect(failed).toEqual([]);
  // The others made progress while the stalled socket was still connected, not only after it went.
  expect(droppedAtRound).toBeGreaterThan(0);
  const guardDrops = warn.mock.calls.filter(([message]) => message === 'closed a connection that stopped reading').length;
  warn.mockRestore();
  expect(guardDrops).toBe(droppedBy === 'queue bound' ? 1 : 0);

  // Every push reached the healthy sockets once, in order: the inbox all of them, each visitor its own.
  const stored = groupByConversation((await Promise.all(conversationIds.map((id) => server.domain.messages.since(id, 0, 10_000)))).flat());
  expect(conversationProblems(stored)).toEqual([]);
  const mine = (list: readonly Message[]) => list.filter((m) => conversationIds.includes(m.conversationId));
  const total = [...stored.values()].reduce((n, l) => n + l.length, 0);
  // The last pushes may still be on their way when the last ack arrives.
  await until(() => mine(pushedToInbox).length >= total && pushedToVisitor.every((list, c) => list.length >= (stored.get(conversationIds[c])?.length ?? 0)), 10_000, 'the last pushes').catch(() => {});
  conversationIds.forEach((id, c) => {
    const want = (stored.get(id) ?? []).map((m) => m.id);
    expect(pushedToInbox.filter((m) => m.conversationId === id).map((m) => m.id)).toEqual(want);
    expect(pushedToVisitor[c].map((m) => m.id)).toEqual(want);
  });

  // And the node serves newcomers as before.
  const late = await connectVisitor(server.url, (await bootVisitor(server.url)).token);
  sockets.push(late);
  const body = `after the slow ${name} one left`;
  const seen = nextEvent<Message>(inbox, 'message:new', 5_000, (m) => m.body === body);
  const started = await late.emitWithAck('conversation:start', { clientId: `slow-${name}-late`, body });
  expect(started.ok).toBe(true);
  await seen;
}

describe('a socket that stops reading', () => {
  it('silent: delays no one else, is dropped at its ping timeout, and the node carries on', () =>
    scenario({ name: 'silent', stall: () => () => {}, filler: SMALL, paceMs: 25, droppedBy: 'ping timeout' }), 120_000);

  it('still answering pings: delays no one else, is dropped once its queue passes the bound, and the node carries on', () =>
    scenario({ name: 'ponging', stall: blindPongs, filler: BIG, paceMs: 0, droppedBy: 'queue bound' }), 120_000);
});
