/**
 * Idempotency under a storm of resends (DESIGN.md §3: "the server inserts
 * idempotently"): on Postgres 10 000 `message:send`s over eight visitor
 * sockets, 2 000 distinct client ids each sent five times, the five copies in
 * flight at the same moment. Exactly 2 000 messages are stored, every one of
 * the 10 000 acks is ok, and the five acks of one client id name the same
 * message (id and seq): the one stored. Each conversation is also started by
 * five concurrent `conversation:start`s with one client id: one conversation.
 *
 * Postgres is the case that matters: concurrent transactions, where two copies
 * can both find no row and race to insert (it answered the loser `internal`
 * until MessageLog.append and Conversations.start ran it again as a resend).
 * SQLite (one writer) runs half the storm. Order is not asserted here:
 * copies sent at once have no order; the order guarantee is for a client
 * sending one at a time, as the widget does (the other fault tests check it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message, VisitorConversation } from '../../protocol/index.js';
import { type PostgresTestSchema, createPostgresTestSchema } from '../test-support/test-database.js';
import { bootVisitor, connectVisitor, startTestServer, type TestServer, type VisitorSocket } from '../test-support/test-server.js';
import { conversationProblems, groupByConversation } from './support/invariants.js';
import { withProcessEnv, within } from './support/load.js';

const SOCKETS = 8;
const COPIES = 5;
/** Client ids sent per wave (each five times): bounds what one socket has in flight. */
const WAVE = 50;

type SendAck = Ack<{ message: Message }>;
type StartAck = Ack<{ conversation: VisitorConversation; message: Message }>;

/**
 * The full storm where two copies really race (Postgres); a smaller one on SQLite, whose one
 * writer takes copies one after the other: a check of the same rules, not of a race.
 */
const STORES = [
  { store: 'postgres', idsPerSocket: 250 },
  { store: 'sqlite', idsPerSocket: 125 },
] as const;

describe.each(STORES)('client ids sent five times each, concurrently ($store, $idsPerSocket per socket)', ({ store, idsPerSocket: IDS_PER_SOCKET }) => {
  let server: TestServer;
  let pgSchema: PostgresTestSchema | undefined;
  const sockets: VisitorSocket[] = [];

  beforeAll(async () => {
    pgSchema = store === 'postgres' ? await createPostgresTestSchema() : undefined;
    // The SQLite project's test server is on SQLite already; Postgres is named explicitly.
    // A socket sends far more here than a person would: raise its event budget for this server.
    server = await withProcessEnv({ SOCKET_EVENTS_PER_10S: '1000000' }, () => startTestServer(pgSchema ? { DATABASE_URL: pgSchema.url } : {}));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.stop();
    await pgSchema?.drop();
  });

  it('stores each client id once and answers every copy with the same message', async () => {
    for (let s = 0; s < SOCKETS; s++) sockets.push(await connectVisitor(server.url, (await bootVisitor(server.url)).token));

    // Five concurrent starts per socket, one client id: one conversation, five equal answers.
    const conversationIds = await Promise.all(
      sockets.map(async (socket, s) => {
        const starts = await Promise.all(
          Array.from({ length: COPIES }, () => socket.emitWithAck('conversation:start', { clientId: `storm-start-${store}-${s}`, body: `start ${s}` }) as Promise<StartAck>),
        );
        const ids = starts.map((r) => (r.ok ? `${r.data.conversation.id}/${r.data.message.id}` : `error ${r.error.code}`));
        expect(new Set(ids).size, ids.join(' ')).toBe(1);
        const first = starts[0];
        if (!first.ok) throw new Error(first.error.message);
        return first.data.conversation.id;
      }),
    );

    const acks = new Map<string, SendAck[]>();
    await within(
      Promise.all(
        sockets.map(async (socket, s) => {
          for (let from = 0; from < IDS_PER_SOCKET; from += WAVE) {
            const wave = Array.from({ length: Math.min(WAVE, IDS_PER_SOCKET - from) }, (_, i) => `storm-${store}-${s}-${from + i}`);
            const sends: Promise<void>[] = [];
            // All copies of the wave at once, interleaved: copy 1 of every id, then copy 2…
            for (let copy = 0; copy < COPIES; copy++) {
              for (const clientId of wave) {
                const payload = { conversationId: conversationIds[s], clientId, body: `body of ${clientId}` };
                sends.push(
                  (socket.emitWithAck('message:send', payload) as Promise<SendAck>).then((ack) => {
                    acks.set(clientId, [...(acks.get(clientId) ?? []), ack]);
                  }),
                );
              }
            }
            await Promise.all(sends);
          }
        }),
      ),
      240_000,
      'every send answered',
    );

    expect(acks.size).toBe(SOCKETS * IDS_PER_SOCKET);
    const problems: string[] = [];
    for (const [clientId, list] of acks) {
      const answers = list.map((a) => (a.ok ? `${a.data.message.id}#${a.data.message.seq}` : `error ${a.error.code}`));
      if (answers.length !== COPIES || new Set(answers).size !== 1 || answers[0].startsWith('error')) problems.push(`${clientId}: ${answers.join(' ')}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);

    const stored = (await Promise.all(conversationIds.map((id) => server.domain.messages.since(id, 0, 5_000)))).flat();
    const byConversation = groupByConversation(stored);
    expect(conversationProblems(byConversation)).toEqual([]);
    const storm = stored.filter((m) => m.clientId.startsWith(`storm-${store}-`));
    expect(storm).toHaveLength(SOCKETS * IDS_PER_SOCKET);
    // What each ack named is what is stored.
    const storedAs = new Map(storm.map((m) => [m.clientId, `${m.id}#${m.seq}`]));
    const mismatched = [...acks].filter(([clientId, [first]]) => first.ok && storedAs.get(clientId) !== `${first.data.message.id}#${first.data.message.seq}`);
    expect(mismatched.map(([clientId]) => clientId)).toEqual([]);
    // One start message plus the storm per conversation, nothing else.
    for (const id of conversationIds) expect(byConversation.get(id)).toHaveLength(1 + IDS_PER_SOCKET);
  }, 300_000);
});
