/**
 * `GET /api/v1/reports/conversations` (and `.csv`): the query and the exact
 * answer. Definitions (also in docs/inbox.md):
 * - opened: conversations created in [from, to); closed: conversations whose
 *   last close falls in [from, to) and that are still closed.
 * - first response (seconds, wall clock): from the visitor's first message to
 *   the team's first reply (automatic messages don't count), over first replies
 *   made in [from, to).
 * - resolution (seconds, wall clock): from opening to the last close, over the
 *   closed conversations.
 * - first-contact resolution rate: of the closed conversations, the share the
 *   team answered in exactly one reply phase (one run of replies to a waiting
 *   visitor) and that were never reopened; null when none closed.
 * - csat: ratings given in [from, to), score = % of 4–5 (as `reports/csat`).
 * - answer_bot: of the conversations opened in [from, to), those the answer bot
 *   offered articles to, and those it resolved (the visitor said they helped).
 * - by_day and busiest_hours use the local days and hours of `tz`;
 *   busiest_hours[0] is Monday, [6] Sunday, each with 24 hourly counts of opened.
 * - per_agent / per_team group by the conversation's current assignee / team
 *   (conversations without one are in the totals only).
 * Percentiles interpolate linearly between ranks (the median of an even count
 * is the mean of the middle two); values are rounded to 0.1 s.
 */
import { z } from 'zod';
import { timeZoneSchema } from './service-level-schemas.js';
import type { AnswerBotReport } from '../bots/models.js';

export const REPORT_LIMITS = { maxDays: 400, defaultDays: 30 } as const;

export const conversationReportQuerySchema = z.object({
  /** ISO 8601, inclusive; default: `to` minus 30 days. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** ISO 8601, exclusive; default: now. */
  to: z.iso.datetime({ offset: true }).optional(),
  team_id: z.string().min(1).max(64).optional(),
  agent_id: z.string().min(1).max(64).optional(),
  /** IANA zone of by_day and busiest_hours; default UTC. */
  tz: timeZoneSchema.default('UTC'),
});
export type ConversationReportQuery = z.infer<typeof conversationReportQuerySchema>;

export interface DurationSummary {
  median_s: number | null;
  p90_s: number | null;
  samples: number;
}

export interface ResolutionSummary {
  median_s: number | null;
  samples: number;
}

export interface CsatSummary {
  ratings: number;
  /** % of ratings that are 4 or 5; null without ratings. */
  score: number | null;
}

/** The numbers of one slice (the whole filter, an agent, a team). */
export interface ConversationStats {
  opened: number;
  closed: number;
  first_response: DurationSummary;
  resolution: ResolutionSummary;
  /** 0–1, rounded to 4 decimals; null when nothing closed. */
  first_contact_resolution_rate: number | null;
  csat: CsatSummary;
}

export interface AgentReportRow extends ConversationStats {
  agent_id: string;
  name: string | null;
}

export interface TeamReportRow extends ConversationStats {
  team_id: string;
  /** Null when the team is gone (or teams are not stored). */
  name: string | null;
}

export interface ReportDay {
  /** Local date in `tz`, "YYYY-MM-DD". */
  day: string;
  opened: number;
  closed: number;
}

export interface ConversationReport extends ConversationStats {
  from: string;
  to: string;
  tz: string;
  by_day: ReportDay[];
  /** [weekday 0 = Monday … 6 = Sunday][hour 0–23] → conversations opened. */
  busiest_hours: number[][];
  /** Sorted by conversations closed, then opened, descending. */
  per_agent: AgentReportRow[];
  per_team: TeamReportRow[];
  /** The answer bot's deflection over the conversations opened in the range (docs/bots.md). */
  answer_bot?: AnswerBotReport;
}

/** Columns of `reports/conversations.csv`, one row per conversation opened in the range. */
export const CONVERSATION_CSV_COLUMNS = [
  'id',
  'opened_at',
  'closed_at',
  'status',
  'team_id',
  'team',
  'assignee_id',
  'assignee',
  'first_response_s',
  'resolution_s',
  'rating',
  'reopened_count',
  'tags',
] as const;
