/**
 * `reports/topics`: the first visitor message of each conversation opened in
 * the range (the newest 2 000), clustered into topics (cluster-questions.ts).
 * The first message is what the visitor came for; later ones are replies.
 */
import type { Kysely } from 'kysely';
import { type QuestionTopic, TOPIC_LIMITS, type TopicsQuery, type TopicsReport } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { resolveRange } from '../reports/index.js';
import { clusterQuestions } from './cluster-questions.js';

const EXAMPLE_MAX = 280;

/** One line of plain text: markdown marks and line breaks are noise in a topic's example. */
function plainLine(body: string): string {
  const text = body.replace(/[*_`#>~[\]()!]+/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > EXAMPLE_MAX ? `${text.slice(0, EXAMPLE_MAX - 1)}…` : text;
}

export class QuestionTopics {
  constructor(private readonly db: Kysely<Database>) {}

  async report(workspaceId: string, query: TopicsQuery, now: Date = new Date()): Promise<TopicsReport> {
    const range = resolveRange(query, now);
    const rows = await this.db
      .selectFrom('conversations as c')
      .innerJoin('messages as m', 'm.conversation_id', 'c.id')
      .select(['c.id as conversationId', 'm.body as body'])
      .where('c.workspace_id', '=', workspaceId)
      .where('c.created_at', '>=', range.from)
      .where('c.created_at', '<', range.to)
      .where('m.author_type', '=', 'visitor')
      .where((eb) =>
        eb(
          'm.seq',
          '=',
          eb.selectFrom('messages as first').select((f) => f.fn.min('first.seq').as('seq')).whereRef('first.conversation_id', '=', 'c.id').where('first.author_type', '=', 'visitor'),
        ),
      )
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(TOPIC_LIMITS.maxMessages)
      .execute();
    const topics = clusterQuestions(rows.map((r) => ({ conversationId: r.conversationId, text: r.body })));
    const data: QuestionTopic[] = topics
      .filter((t) => t.questions.length >= query.min_count)
      .slice(0, query.limit)
      .map((t) => ({
        terms: t.terms,
        count: t.questions.length,
        example: plainLine(t.example.text),
        conversation_ids: t.questions.slice(0, TOPIC_LIMITS.conversationsPerTopic).map((x) => x.conversationId),
      }));
    return { from: range.from, to: range.to, messages: rows.length, data };
  }
}
