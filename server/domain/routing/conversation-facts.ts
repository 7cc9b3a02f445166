/**
 * The conversation's own attributes as traits for assignment rules
 * (`CONVERSATION_FACTS` in protocol/inbox/assignment-rules.ts documents them).
 */
import type { Kysely } from 'kysely';
import type { ConversationFact, TraitValue } from '../../../protocol/index.js';
import type { ConversationRow, Database } from '../../store/index.js';

const FIRST_MESSAGE_MAX = 1_000;

export async function conversationFacts(
  db: Kysely<Database>,
  conversation: Pick<ConversationRow, 'id' | 'channel' | 'priority'>,
  startedBy: 'visitor' | 'team',
): Promise<Partial<Record<ConversationFact, TraitValue>>> {
  const facts: Partial<Record<ConversationFact, TraitValue>> = {
    'conversation.channel': conversation.channel,
    'conversation.priority': conversation.priority,
    'conversation.started_by': startedBy,
  };
  if (startedBy === 'visitor') {
    // The visitor's first message, not an opening the team wrote (a reply to an in-app chat message starts with that).
    const first = await db
      .selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', conversation.id)
      .where('author_type', '=', 'visitor')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (first) facts['conversation.first_message'] = first.body.slice(0, FIRST_MESSAGE_MAX);
  }
  return facts;
}
