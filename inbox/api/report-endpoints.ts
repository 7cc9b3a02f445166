/**
 * The conversation report (docs/inbox.md "Reports"): its numbers as JSON and
 * the link to the same query as CSV; and the frequently asked topics. Part of `InboxApi`.
 */
import type { ConversationReport, TopicsReport } from '../../protocol/index.js';
import { toQueryString, type HttpClient } from './http.js';

/** `GET /reports/conversations`: ISO instants [from, to), the current team / assignee, and the IANA zone of days and hours. */
export interface ConversationReportQuery {
  from?: string;
  to?: string;
  team_id?: string;
  agent_id?: string;
  tz?: string;
}

export interface ReportApi {
  getConversationReport(query: ConversationReportQuery, signal?: AbortSignal): Promise<ConversationReport>;
  /** `GET /reports/topics`: what visitors asked most in [from, to). */
  getQuestionTopics(query: { from: string; to: string }, signal?: AbortSignal): Promise<TopicsReport>;
  /** Where the CSV (one row per conversation opened in the range) downloads from: same origin, so the session cookie goes along. */
  conversationReportCsvUrl(query: ConversationReportQuery): string;
}

export function createReportApi(http: HttpClient, baseUrl = '/api/v1'): ReportApi {
  return {
    getConversationReport: (query, signal) => http.get('/reports/conversations', { query: { ...query }, signal }),
    getQuestionTopics: (query, signal) => http.get('/reports/topics', { query: { ...query }, signal }),
    conversationReportCsvUrl: (query) => `${baseUrl}/reports/conversations.csv${toQueryString({ ...query })}`,
  };
}
