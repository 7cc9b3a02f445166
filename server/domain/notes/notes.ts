/**
 * Internal notes on a conversation: written by the team for the team. They
 * live in their own table, never in `messages`: a visitor's catch-up relies on
 * gap-free message seqs, and nothing here can reach the visitor's socket (the
 * fanout sends `note.created` to agents' rooms only).
 */
import type { Kysely } from 'kysely';
import type { ConversationNote } from '../../../protocol/index.js';
import type { ConversationNoteRow, ConversationRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { findMentions } from './mentions.js';

export function toNote(row: ConversationNoteRow): ConversationNote {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    mentions: parseJsonColumn<unknown[]>(row.mentions, []).filter((m): m is string => typeof m === 'string'),
    createdAt: row.created_at,
  };
}

export class NoteStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
  ) {}

  /** Oldest first, like the thread they sit in. */
  async list(conversation: ConversationRow, page: { limit: number; cursor?: string }): Promise<{ data: ConversationNote[]; next: string | null }> {
    let query = this.db.selectFrom('conversation_notes').selectAll().where('conversation_id', '=', conversation.id);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor);
      query = query.where((eb) => eb.or([eb('created_at', '>', at), eb.and([eb('created_at', '=', at), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(page.limit + 1).execute();
    const shown = rows.slice(0, page.limit);
    const last = shown[shown.length - 1];
    return { data: shown.map(toNote), next: rows.length > page.limit && last ? encodeCursor(last.created_at, last.id) : null };
  }

  async add(conversation: ConversationRow, author: { id: string | null; name: string | null }, body: string): Promise<ConversationNote> {
    const agents = await this.db.selectFrom('agents').select(['id', 'name', 'email']).where('workspace_id', '=', conversation.workspace_id).execute();
    const row: ConversationNoteRow = {
      id: newId('note'),
      workspace_id: conversation.workspace_id,
      conversation_id: conversation.id,
      author_id: author.id,
      author_name: author.name,
      body,
      mentions: JSON.stringify(findMentions(body, agents)),
      created_at: nowIso(),
    };
    await this.db.insertInto('conversation_notes').values(row).execute();
    const note = toNote(row);
    this.bus.publish('note.created', { workspaceId: conversation.workspace_id, note });
    return note;
  }
}
