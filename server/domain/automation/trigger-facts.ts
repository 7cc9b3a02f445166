/**
 * What a rule's conditions see besides the contact: the conversation as it is
 * when the rule runs (`AUTOMATION_CONVERSATION_FACTS`) and what the trigger
 * brings (`AUTOMATION_TRIGGER_FACTS`), as traits named `conversation.*`,
 * `message.*`, `tag.*`, `survey.*`, `event.*`. Read before any action runs.
 */
import type { Kysely } from 'kysely';
import type { SurveyQuestion, TraitValue } from '../../../protocol/index.js';
import type { ConversationRow, Database } from '../../store/index.js';
import { conversationFacts } from '../routing/index.js';
import type { SurveyStore } from '../surveys/index.js';
import { conversationTagNames } from '../tags/index.js';
import type { TriggerEvent } from './trigger-event.js';

export type Facts = Record<string, TraitValue>;

const MESSAGE_MAX = 1_000;
const SCORED: ReadonlySet<SurveyQuestion['type']> = new Set(['nps', 'csat', 'ces', 'rating']);

/** Who wrote first: the message sharing the conversation's client id is its opening one (a visitor's start, or the team's). */
async function startedBy(db: Kysely<Database>, row: ConversationRow): Promise<'visitor' | 'team'> {
  const first = await db.selectFrom('messages').select('author_type').where('conversation_id', '=', row.id).where('client_id', '=', row.client_id).executeTakeFirst();
  return first && first.author_type !== 'visitor' ? 'team' : 'visitor';
}

export async function conversationFactsNow(db: Kysely<Database>, row: ConversationRow): Promise<Facts> {
  const [base, tags] = await Promise.all([startedBy(db, row).then((by) => conversationFacts(db, row, by)), conversationTagNames(db, row.id)]);
  const facts: Facts = { ...base, 'conversation.status': row.status, 'conversation.tags': tags.join(', ') };
  if (row.team_id) facts['conversation.team_id'] = row.team_id;
  if (row.assignee_id) facts['conversation.assignee_id'] = row.assignee_id;
  return facts;
}

export async function triggerFacts(db: Kysely<Database>, surveys: SurveyStore, event: TriggerEvent): Promise<Facts> {
  switch (event.trigger) {
    case 'conversation_created':
      return {};
    case 'message_received':
      return { 'message.body': event.body.slice(0, MESSAGE_MAX) };
    case 'tag_added': {
      const tag = await db.selectFrom('tags').select(['id', 'name']).where('id', '=', event.tagId).executeTakeFirst();
      return tag ? { 'tag.id': tag.id, 'tag.name': tag.name } : { 'tag.id': event.tagId };
    }
    case 'event_tracked':
      return { 'event.name': event.eventName };
    case 'survey_answered': {
      const { response } = event;
      const questions = await surveys.get(event.workspaceId, response.survey_id).then(
        (s) => s.questions,
        () => [] as SurveyQuestion[],
      );
      const facts: Facts = { 'survey.id': response.survey_id, 'survey.name': response.survey_name };
      for (const [id, value] of Object.entries(response.answers)) {
        const fact = answerFact(value);
        if (fact !== undefined) facts[`survey.answer.${id}`.slice(0, 64)] = fact;
      }
      for (const q of questions) {
        const value = response.answers[q.id];
        if (typeof value !== 'number') continue;
        if (q.type === 'nps' && facts['survey.nps'] === undefined) facts['survey.nps'] = value;
        if (SCORED.has(q.type) && facts['survey.score'] === undefined) facts['survey.score'] = value;
      }
      return facts;
    }
  }
}

/** A trait from an answer: numbers and text as they are, a multiple choice joined with ", ". */
function answerFact(value: unknown): TraitValue | undefined {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ');
  return undefined;
}
