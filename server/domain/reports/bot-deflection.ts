/**
 * The answer bot's deflection (docs/bots.md): of the conversations opened in
 * the report's range (within its team/agent filter), those the answer bot
 * offered articles to, and those it resolved — the visitor said the articles
 * helped and did not write again. Two counts in one query, on either store.
 */
import { type Kysely, sql } from 'kysely';
import type { AnswerBotReport, ConversationReportQuery } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import type { ReportRange } from './report-range.js';

export async function answerBotDeflection(db: Kysely<Database>, workspaceId: string, query: ConversationReportQuery, range: ReportRange): Promise<AnswerBotReport> {
  let q = db
    .selectFrom('bot_runs')
    .innerJoin('conversations', 'conversations.id', 'bot_runs.conversation_id')
    .select([
      sql<number>`COUNT(*)`.as('answered'),
      sql<number>`SUM(CASE WHEN conversations.resolved_by = 'bot' THEN 1 ELSE 0 END)`.as('resolved'),
    ])
    .where('bot_runs.workspace_id', '=', workspaceId)
    .where('bot_runs.suggested_at', 'is not', null)
    .where('conversations.created_at', '>=', range.from)
    .where('conversations.created_at', '<', range.to);
  if (query.team_id) q = q.where('conversations.team_id', '=', query.team_id);
  if (query.agent_id) q = q.where('conversations.assignee_id', '=', query.agent_id);
  const row = await q.executeTakeFirst();
  const answered = Number(row?.answered ?? 0);
  const resolved = Number(row?.resolved ?? 0);
  return { answered, resolved, deflection_rate: answered > 0 ? Math.round((resolved / answered) * 10_000) / 10_000 : null };
}
