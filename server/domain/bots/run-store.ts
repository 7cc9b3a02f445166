/**
 * Bot runs: where each conversation is in its bot. One row per conversation
 * (a unique `conversation_id`: of two nodes starting a bot on one, one wins),
 * with the steps the run started with, so editing or deleting the bot never
 * moves a running flow.
 *
 * Every move is a compare-and-set on `version`: the caller read the run at
 * version v and writes v+1 only if nobody moved it meanwhile (another node, a
 * second tab's message), so a step is never taken twice.
 */
import type { Kysely, Updateable } from 'kysely';
import type { BotRun, BotStep } from '../../../protocol/index.js';
import type { BotRunRow, Database } from '../../store/index.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';

export interface StartRun {
  workspaceId: string;
  conversationId: string;
  contactId: string;
  botId: string | null;
  kind: BotRunRow['kind'];
  botName: string;
  steps: readonly BotStep[];
}

/** What a move may change (version and updated_at are the store's). */
export type RunPatch = Omit<Updateable<BotRunRow>, 'id' | 'version' | 'updated_at' | 'workspace_id' | 'conversation_id'>;

export function stepsOf(run: BotRunRow): BotStep[] {
  return parseJsonColumn<BotStep[]>(run.steps, []);
}

export function answersOf(run: BotRunRow): Record<string, string> {
  return parseJsonColumn<Record<string, string>>(run.answers, {});
}

export function toBotRun(row: BotRunRow): BotRun {
  return {
    id: row.id,
    bot_id: row.bot_id,
    kind: row.kind,
    bot_name: row.bot_name,
    conversation_id: row.conversation_id,
    status: row.status,
    step: Number(row.step),
    answers: answersOf(row),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export class BotRunStore {
  constructor(private readonly db: Kysely<Database>) {}

  byConversation(conversationId: string): Promise<BotRunRow | undefined> {
    return this.db.selectFrom('bot_runs').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
  }

  /** The new run, or undefined when the conversation already has one (its run is the one that counts). */
  async start(input: StartRun): Promise<BotRunRow | undefined> {
    const now = nowIso();
    const row: BotRunRow = {
      id: newId('brun'),
      workspace_id: input.workspaceId,
      bot_id: input.botId,
      kind: input.kind,
      bot_name: input.botName,
      conversation_id: input.conversationId,
      contact_id: input.contactId,
      status: 'running',
      steps: JSON.stringify(input.steps),
      step: 0,
      attempts: 0,
      version: 0,
      prompt_message_id: null,
      prompt_seq: 0,
      answers: '{}',
      team_id: null,
      suggested_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('bot_runs').values(row).onConflict((oc) => oc.column('conversation_id').doNothing()).execute();
    const stored = await this.byConversation(input.conversationId);
    return stored?.id === row.id ? stored : undefined;
  }

  /** Compare-and-set from `run.version`: the run as written, or undefined when someone moved it first. */
  async move(run: BotRunRow, patch: RunPatch): Promise<BotRunRow | undefined> {
    const written = await this.db
      .updateTable('bot_runs')
      .set({ ...patch, version: Number(run.version) + 1, updated_at: nowIso() })
      .where('id', '=', run.id)
      .where('version', '=', run.version)
      .returningAll()
      .executeTakeFirst();
    return written;
  }
}
