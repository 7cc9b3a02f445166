/**
 * `GET /api/v1/reports/topics`: the questions visitors ask most, as clusters
 * of similar first messages, so the team sees which help articles to write
 * (Intercom's "Topics", Chatwoot's FAQ suggestions). Each topic is named by
 * its most characteristic words and shows one typical question.
 */
import { z } from 'zod';

export const TOPIC_LIMITS = {
  /** First messages read per report: the newest in the range. */
  maxMessages: 2_000,
  maxTopics: 50,
  /** Conversation ids listed per topic (the count covers all). */
  conversationsPerTopic: 20,
} as const;

export const topicsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(TOPIC_LIMITS.maxTopics).default(10),
  /** Topics asked fewer times are left out. */
  min_count: z.coerce.number().int().min(1).max(1_000).default(2),
});
export type TopicsQuery = z.infer<typeof topicsQuerySchema>;

export interface QuestionTopic {
  /** The topic's words, most characteristic first ("password reset"). */
  terms: string[];
  /** How many conversations opened with a question of this topic. */
  count: number;
  /** The question closest to the topic's centre, as the visitor wrote it (plain text, ≤ 280 characters). */
  example: string;
  /** The newest conversations of the topic (at most 20). */
  conversation_ids: string[];
}

export interface TopicsReport {
  from: string;
  to: string;
  /** First messages read (at most 2 000, the newest). */
  messages: number;
  data: QuestionTopic[];
}
