/** The inbox list's filters beyond status/assignee/contact/team: tag and priority. */
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Priority } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { tagKey } from '../tags/index.js';

export interface InboxFilters {
  /** A tag name, matched regardless of case. */
  tag?: string;
  priority?: Priority;
}

export function withInboxFilters<O>(query: SelectQueryBuilder<Database, 'conversations', O>, f: InboxFilters): SelectQueryBuilder<Database, 'conversations', O> {
  let q = query;
  if (f.priority) q = q.where('conversations.priority', '=', f.priority);
  const tag = f.tag;
  if (tag) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('conversation_tags')
          .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
          .select(sql`1`.as('one'))
          .whereRef('conversation_tags.conversation_id', '=', 'conversations.id')
          .where('tags.name_key', '=', tagKey(tag)),
      ),
    );
  }
  return q;
}
