/**
 * Agents' views of a page of conversations, assembled with a handful of IN
 * queries for the whole page (contacts, last messages and their attachments,
 * assignee names, team names, tags) instead of about five queries per row: a
 * 50-row list page was some 250 queries. Ids go in chunks of at most
 * `CHUNK` so no statement nears a driver's bound-parameter limit.
 *
 * The output is exactly what the one-row view gave: the last message is the
 * one at the row's own `last_seq` (as read), tags are alphabetical regardless
 * of case, and the SLA clock comes from the service levels (cached per
 * workspace, so no query per row).
 */
import type { Kysely } from 'kysely';
import type { AgentConversation, Message } from '../../../protocol/index.js';
import type { ContactRow, ConversationRow, Database } from '../../store/index.js';
import { toAgentConversation } from './mappers.js';
import type { MessageLog } from './message-log.js';
import type { ConversationServiceLevels } from './service-level-hooks.js';

/** Ids per IN list (a message's key is two parameters, so at most twice this many bound values). */
const CHUNK = 400;

export interface AgentViewSources {
  db: Kysely<Database>;
  messages: Pick<MessageLog, 'withAttachments'>;
  serviceLevels: ConversationServiceLevels | null;
}

/** The agents' view of each row, in the rows' order. */
export async function agentViews(sources: AgentViewSources, rows: readonly ConversationRow[]): Promise<AgentConversation[]> {
  if (rows.length === 0) return [];
  const { db } = sources;
  const now = new Date();
  const [contacts, lastMessages, assigneeNames, teamNames, tags, slas] = await Promise.all([
    byId(distinct(rows.map((r) => r.contact_id)), (ids) => db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute()),
    lastMessagesOf(sources, rows),
    namesById(distinct(rows.map((r) => r.assignee_id)), (ids) => db.selectFrom('agents').select(['id', 'name']).where('id', 'in', ids).execute()),
    namesById(distinct(rows.map((r) => r.team_id)), (ids) => db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute()),
    tagNamesOf(db, distinct(rows.map((r) => r.id))),
    Promise.all(rows.map((r) => (sources.serviceLevels ? sources.serviceLevels.slaOf(r, now) : undefined))),
  ]);
  return rows.map((row, i) => {
    const contact = contacts.get(row.contact_id);
    // As the one-row read did (executeTakeFirstOrThrow): a conversation always has its contact.
    if (!contact) throw new Error(`contact ${row.contact_id} of conversation ${row.id} not found`);
    return toAgentConversation(row, {
      contact,
      lastMessage: lastMessages.get(row.id) ?? null,
      assigneeName: row.assignee_id ? (assigneeNames.get(row.assignee_id) ?? null) : null,
      teamName: row.team_id ? (teamNames.get(row.team_id) ?? null) : null,
      tags: tags.get(row.id) ?? [],
      sla: slas[i],
    });
  });
}

/** Each conversation's message at its `last_seq`, with attachments: per chunk, one query for the messages and one for their attachments. */
async function lastMessagesOf(sources: AgentViewSources, rows: readonly ConversationRow[]): Promise<Map<string, Message>> {
  const keys = new Map<string, number>();
  for (const r of rows) if (Number(r.last_seq) > 0) keys.set(r.id, Number(r.last_seq));
  const found = new Map<string, Message>();
  for (const chunk of chunks([...keys])) {
    const messages = await sources.db
      .selectFrom('messages')
      .selectAll()
      .where((eb) => eb.or(chunk.map(([conversationId, seq]) => eb.and([eb('conversation_id', '=', conversationId), eb('seq', '=', seq)]))))
      .execute();
    for (const m of await sources.messages.withAttachments(messages, sources.db)) found.set(m.conversationId, m);
  }
  return found;
}

async function tagNamesOf(db: Kysely<Database>, conversationIds: readonly string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  for (const chunk of chunks(conversationIds)) {
    const rows = await db
      .selectFrom('conversation_tags')
      .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
      .select(['conversation_tags.conversation_id', 'tags.name'])
      .where('conversation_tags.conversation_id', 'in', chunk)
      .orderBy('tags.name_key')
      .execute();
    for (const r of rows) {
      const list = names.get(r.conversation_id) ?? [];
      list.push(r.name);
      names.set(r.conversation_id, list);
    }
  }
  return names;
}

async function byId(ids: readonly string[], load: (chunk: string[]) => Promise<ContactRow[]>): Promise<Map<string, ContactRow>> {
  const found = new Map<string, ContactRow>();
  for (const chunk of chunks(ids)) for (const row of await load(chunk)) found.set(row.id, row);
  return found;
}

async function namesById(ids: readonly string[], load: (chunk: string[]) => Promise<Array<{ id: string; name: string | null }>>): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  for (const chunk of chunks(ids)) for (const row of await load(chunk)) names.set(row.id, row.name);
  return names;
}

function distinct(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
