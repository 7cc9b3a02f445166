/**
 * `reports/conversations` and its CSV: loads the conversations a report
 * covers (opened, closed, first answered or rated in the range, within the
 * team/agent filter) and hands them to the pure aggregation.
 */
import type { Kysely } from 'kysely';
import type { AgentReportRow, ConversationReport, ConversationReportQuery, TeamReportRow } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { busiestHours, byDay, groupBy, type ReportRow, statsOf } from './conversation-stats.js';
import { answerBotDeflection } from './bot-deflection.js';
import { conversationsCsv } from './report-csv.js';
import { inRange, type ReportRange, resolveRange } from './report-range.js';

/** SQLite's bound-parameter limit is far above this; it keeps IN lists small on every database. */
const CHUNK = 400;

export class ConversationReports {
  constructor(private readonly db: Kysely<Database>) {}

  async report(workspaceId: string, query: ConversationReportQuery, now: Date = new Date()): Promise<ConversationReport> {
    const range = resolveRange(query, now);
    const rows = await this.rows(workspaceId, query, range);
    const agents = groupBy(rows, (r) => r.assignee_id);
    const teams = groupBy(rows, (r) => r.team_id);
    const [agentNames, teamNames, answerBot] = await Promise.all([
      this.agentNames(workspaceId, [...agents.keys()]),
      this.teamNames(workspaceId, [...teams.keys()]),
      answerBotDeflection(this.db, workspaceId, query, range),
    ]);
    const byActivity = <T extends { closed: number; opened: number }>(a: T, b: T) => b.closed - a.closed || b.opened - a.opened;
    const perAgent: AgentReportRow[] = [...agents].map(([id, list]) => ({ agent_id: id, name: agentNames.get(id) ?? null, ...statsOf(list, range) }));
    const perTeam: TeamReportRow[] = [...teams].map(([id, list]) => ({ team_id: id, name: teamNames.get(id) ?? null, ...statsOf(list, range) }));
    return {
      from: range.from,
      to: range.to,
      tz: query.tz,
      ...statsOf(rows, range),
      by_day: byDay(rows, range, query.tz),
      busiest_hours: busiestHours(rows, range, query.tz),
      per_agent: perAgent.sort((a, b) => byActivity(a, b) || a.agent_id.localeCompare(b.agent_id)),
      per_team: perTeam.sort((a, b) => byActivity(a, b) || a.team_id.localeCompare(b.team_id)),
      answer_bot: answerBot,
    };
  }

  /** The conversations opened in the range, oldest first, one CSV row each. */
  async csv(workspaceId: string, query: ConversationReportQuery, now: Date = new Date()): Promise<string> {
    const range = resolveRange(query, now);
    const rows = (await this.rows(workspaceId, query, range)).filter((r) => inRange(r.created_at, range));
    rows.sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? -1 : 1));
    const ids = (pick: (r: ReportRow) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => v !== null))];
    const [agents, teams, tags] = await Promise.all([
      this.agentNames(workspaceId, ids((r) => r.assignee_id)),
      this.teamNames(workspaceId, ids((r) => r.team_id)),
      this.tagNames(rows.map((r) => r.id)),
    ]);
    return conversationsCsv(rows, { agents, teams, tags });
  }

  private async rows(workspaceId: string, query: ConversationReportQuery, range: ReportRange): Promise<ReportRow[]> {
    let q = this.db
      .selectFrom('conversations')
      .select([
        'id',
        'status',
        'created_at',
        'closed_at',
        'first_visitor_message_at',
        'first_response_at',
        'rating',
        'rated_at',
        'reply_phases',
        'reopened_count',
        'assignee_id',
        'team_id',
      ])
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or(
          (['created_at', 'closed_at', 'first_response_at', 'rated_at'] as const).map((column) =>
            eb.and([eb(column, '>=', range.from), eb(column, '<', range.to)]),
          ),
        ),
      );
    if (query.team_id) q = q.where('team_id', '=', query.team_id);
    if (query.agent_id) q = q.where('assignee_id', '=', query.agent_id);
    return q.execute();
  }

  private async agentNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db.selectFrom('agents').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
      for (const r of rows) names.set(r.id, r.name);
    }
    return names;
  }

  private async teamNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db.selectFrom('teams').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
      for (const r of rows) names.set(r.id, r.name);
    }
    return names;
  }

  private async tagNames(conversationIds: string[]): Promise<Map<string, string[]>> {
    const tags = new Map<string, string[]>();
    for (let i = 0; i < conversationIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('conversation_tags')
        .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
        .select(['conversation_tags.conversation_id as conversationId', 'tags.name as name'])
        .where('conversation_tags.conversation_id', 'in', conversationIds.slice(i, i + CHUNK))
        .orderBy('tags.name')
        .execute();
      for (const r of rows) tags.set(r.conversationId, [...(tags.get(r.conversationId) ?? []), r.name]);
    }
    return tags;
  }
}
