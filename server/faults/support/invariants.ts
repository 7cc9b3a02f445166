/**
 * DESIGN.md §3 as one check, shared by every fault test: per conversation,
 * seqs run 1..n without a gap, each client id is stored exactly once, the
 * messages of each writer appear in the order it wrote them, and whatever an
 * ack said was stored (message id and seq) is what is stored.
 *
 * Returns the problems found (empty when all hold), so a failing test names
 * every broken conversation at once instead of the first one.
 */
import pg from 'pg';
import { postgresUrlForSchema } from '../../test-support/test-database.js';

export interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  body: string;
}

export interface WriterRecord {
  /** A label for messages (the client's index). */
  name: string;
  conversationId: string | null;
  /** What it wrote, in order. */
  written: readonly { clientId: string; body: string }[];
  /** What the server acked: client id → stored id and seq. */
  acked: ReadonlyMap<string, { id: string; seq: number }>;
}

export function groupByConversation(rows: readonly StoredMessage[]): Map<string, StoredMessage[]> {
  const byConversation = new Map<string, StoredMessage[]>();
  for (const row of rows) {
    const list = byConversation.get(row.conversationId) ?? [];
    list.push(row);
    byConversation.set(row.conversationId, list);
  }
  for (const list of byConversation.values()) list.sort((a, b) => a.seq - b.seq);
  return byConversation;
}

/** Seqs 1..n gap-free and client ids once, in every conversation stored. */
export function conversationProblems(byConversation: ReadonlyMap<string, readonly StoredMessage[]>): string[] {
  const problems: string[] = [];
  for (const [conversationId, list] of byConversation) {
    const seqs = list.map((m) => m.seq);
    if (seqs.some((seq, i) => seq !== i + 1)) problems.push(`${conversationId}: seqs are not 1..${list.length}: ${seqs.join(',')}`);
    const ids = new Set(list.map((m) => m.clientId));
    if (ids.size !== list.length) problems.push(`${conversationId}: a client id is stored more than once`);
  }
  return problems;
}

/**
 * Each writer's messages: every one written is stored once (writers resend
 * until acked, so by the end all are), in the order written, with what the ack said.
 */
export function writerProblems(writers: readonly WriterRecord[], byConversation: ReadonlyMap<string, readonly StoredMessage[]>): string[] {
  const problems: string[] = [];
  for (const writer of writers) {
    if (!writer.conversationId) {
      problems.push(`${writer.name}: never got a conversation`);
      continue;
    }
    const stored = byConversation.get(writer.conversationId) ?? [];
    const mine = new Set(writer.written.map((w) => w.clientId));
    const storedMine = stored.filter((m) => mine.has(m.clientId));
    const bodies = storedMine.map((m) => m.body);
    const expected = writer.written.map((w) => w.body);
    if (JSON.stringify(bodies) !== JSON.stringify(expected)) {
      problems.push(`${writer.name}: stored ${JSON.stringify(bodies)}, written ${JSON.stringify(expected)}`);
    }
    for (const [clientId, ack] of writer.acked) {
      const row = stored.find((m) => m.clientId === clientId);
      if (!row) problems.push(`${writer.name}: acked ${clientId} is not stored (lost)`);
      else if (row.id !== ack.id || row.seq !== ack.seq) problems.push(`${writer.name}: ${clientId} acked as ${ack.id}#${ack.seq}, stored as ${row.id}#${row.seq}`);
    }
  }
  return problems;
}

/** Every message of a Postgres test schema (read directly: the nodes may be dead). */
export async function storedInSchema(schema: string): Promise<StoredMessage[]> {
  const client = new pg.Client({ connectionString: postgresUrlForSchema(schema) });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; conversation_id: string; seq: string | number; client_id: string; body: string }>(
      'SELECT id, conversation_id, seq, client_id, body FROM messages ORDER BY conversation_id, seq',
    );
    return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, seq: Number(r.seq), clientId: r.client_id, body: r.body }));
  } finally {
    await client.end();
  }
}
