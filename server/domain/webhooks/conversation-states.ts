/**
 * What `conversation.updated` compares against. The bus says only "this
 * conversation changed" (a message, a read position, a status…); webhooks
 * report the changes that matter to a receiver — status, assignee, team,
 * priority, tags — so the last reported state of each conversation is kept
 * (`webhook_conversation_states`) and a new state is recorded with a
 * compare-and-set: of two nodes seeing one change, one reports it.
 *
 * States are kept while the workspace has a subscription that wants them;
 * when the first such subscription appears, `backfill` records every
 * conversation's current state, so the first change of an old conversation is
 * reported too.
 */
import type { Kysely } from 'kysely';
import type { ConversationChangeField, WebhookPayload } from '../../../protocol/index.js';
import type { ConversationRow, Database } from '../../store/index.js';
import { nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { conversationTagNames } from '../tags/index.js';

export type ConversationChanges = NonNullable<WebhookPayload['changes']>;

type StateRow = Pick<ConversationRow, 'id' | 'workspace_id' | 'status' | 'assignee_id' | 'team_id' | 'priority'>;

/** Fixed key order: the JSON text is compared as is. */
function stateOf(row: StateRow, tags: readonly string[]): Record<ConversationChangeField, unknown> {
  return { status: row.status, assignee_id: row.assignee_id, team_id: row.team_id, priority: row.priority, tags: [...tags] };
}

const FIELDS: readonly ConversationChangeField[] = ['status', 'assignee_id', 'team_id', 'priority', 'tags'];
const BACKFILL_BATCH = 500;

export class ConversationStates {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records the state as it is, unless one is recorded already (a new conversation). */
  async baseline(row: ConversationRow): Promise<void> {
    const state = JSON.stringify(stateOf(row, await conversationTagNames(this.db, row.id)));
    await this.db
      .insertInto('webhook_conversation_states')
      .values({ conversation_id: row.id, workspace_id: row.workspace_id, state, updated_at: nowIso() })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .execute();
  }

  /**
   * Moves the recorded state to the conversation's current one; answers what
   * changed, or null when nothing did, when there was no state yet (it is
   * recorded now), or when another node recorded this very change first.
   */
  async advance(row: ConversationRow): Promise<ConversationChanges | null> {
    const now = stateOf(row, await conversationTagNames(this.db, row.id));
    const text = JSON.stringify(now);
    const found = await this.db.selectFrom('webhook_conversation_states').select('state').where('conversation_id', '=', row.id).executeTakeFirst();
    if (!found) {
      await this.baseline(row);
      return null;
    }
    if (found.state === text) return null;
    const moved = await this.db
      .updateTable('webhook_conversation_states')
      .set({ state: text, updated_at: nowIso() })
      .where('conversation_id', '=', row.id)
      .where('state', '=', found.state)
      .executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) return null;
    const before = parseJsonColumn<Partial<Record<ConversationChangeField, unknown>>>(found.state, {});
    const changes: ConversationChanges = {};
    for (const field of FIELDS) {
      const from = before[field] ?? null;
      if (JSON.stringify(from) !== JSON.stringify(now[field])) changes[field] = { from, to: now[field] };
    }
    return Object.keys(changes).length > 0 ? changes : null;
  }

  /** Records the current state of every conversation of the workspace (in batches, keyed by id). */
  async backfill(workspaceId: string): Promise<void> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('conversations')
        .select(['id', 'workspace_id', 'status', 'assignee_id', 'team_id', 'priority'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BACKFILL_BATCH)
        .execute();
      if (rows.length === 0) return;
      const tags = await this.db
        .selectFrom('conversation_tags')
        .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
        .select(['conversation_tags.conversation_id', 'tags.name'])
        .where('conversation_tags.conversation_id', 'in', rows.map((r) => r.id))
        .orderBy('tags.name_key')
        .execute();
      const tagsOf = new Map<string, string[]>();
      for (const t of tags) tagsOf.set(t.conversation_id, [...(tagsOf.get(t.conversation_id) ?? []), t.name]);
      const at = nowIso();
      await this.db
        .insertInto('webhook_conversation_states')
        .values(
          rows.map((r) => ({
            conversation_id: r.id,
            workspace_id: r.workspace_id,
            state: JSON.stringify(stateOf(r, tagsOf.get(r.id) ?? [])),
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.column('conversation_id').doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
      after = rows[rows.length - 1].id;
    }
  }
}
