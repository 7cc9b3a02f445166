/**
 * The workspace's bot settings: the answer bot on or off (off until an admin
 * turns it on). One row per workspace that changed them; none = defaults.
 * Written with an upsert so two admins saving at once leave one row.
 */
import type { Kysely } from 'kysely';
import type { AnswerBotSettings } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { nowIso } from '../ids.js';

export class BotSettings {
  constructor(private readonly db: Kysely<Database>) {}

  async answerBot(workspaceId: string): Promise<AnswerBotSettings> {
    const row = await this.db.selectFrom('bot_settings').select('answer_bot_enabled').where('workspace_id', '=', workspaceId).executeTakeFirst();
    return { enabled: Number(row?.answer_bot_enabled ?? 0) === 1 };
  }

  async setAnswerBot(workspaceId: string, settings: AnswerBotSettings): Promise<AnswerBotSettings> {
    const values = { answer_bot_enabled: settings.enabled ? 1 : 0, updated_at: nowIso() };
    await this.db
      .insertInto('bot_settings')
      .values({ workspace_id: workspaceId, ...values })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
      .execute();
    return this.answerBot(workspaceId);
  }
}
