/**
 * Surveys sent inside a conversation (Intercom's "send a survey in the
 * conversation"): a team member's message carries the survey, the visitor
 * answers it in the thread, and the answers come back into the thread as the
 * visitor's message. Under it is the same delivery machinery as a survey shown
 * on the page (source "conversation"), so results, follow-ups, `nps_last` and
 * the recontact rule all count it.
 *
 * A draft survey may be sent this way, as a series may send a draft message:
 * teams keep conversation-only surveys out of automatic targeting.
 */
import type { Kysely } from 'kysely';
import type { ConversationRow, Database } from '../../store/index.js';
import type { ContactStore } from '../contacts/index.js';
import type { CampaignStore } from '../content/campaign-store.js';
import type { Deliveries } from '../content/deliveries.js';
import type { AppendResult, Author, MessageLog } from '../conversations/message-log.js';
import type { Message } from '../../../protocol/index.js';

export interface SendSurveyInput {
  surveyId: string;
  /** An introduction above the survey; may be empty. */
  body: string;
  clientId: string;
  author: Author;
}

/** A resend of a stored client id: the transaction is rolled back (no second delivery) and the stored message is the answer. */
class AlreadySent extends Error {
  constructor(readonly stored: Message) {
    super('already sent');
  }
}

export class ConversationSurveys {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly deps: { campaigns: CampaignStore; deliveries: Deliveries; contacts: ContactStore; messages: MessageLog },
  ) {}

  async send(conversation: ConversationRow, input: SendSurveyInput): Promise<AppendResult> {
    const { campaigns, deliveries, messages } = this.deps;
    // Read before the transaction: SQLite has one connection, nothing may read beside it.
    const survey = await campaigns.get(conversation.workspace_id, input.surveyId, 'survey');
    const contact = await this.deps.contacts.get(conversation.workspace_id, conversation.contact_id);
    try {
      const sent = await this.db.transaction().execute(async (trx) => {
        const delivery = await deliveries.insert(trx, contact, survey.id, { source: 'conversation', conversationId: conversation.id });
        const appended = await messages.appendIn(trx, {
          workspaceId: conversation.workspace_id,
          conversationId: conversation.id,
          clientId: input.clientId,
          body: input.body,
          author: input.author,
          survey: { id: survey.id, deliveryId: delivery.id },
        });
        if (!appended.created) throw new AlreadySent(appended.message);
        return { delivery, appended };
      });
      await deliveries.writeEvents(contact, sent.delivery, survey, ['sent']);
      messages.publish(sent.appended.conversation, sent.appended.message);
      return { message: sent.appended.message, created: true };
    } catch (err) {
      if (err instanceof AlreadySent) return { message: err.stored, created: false };
      throw err;
    }
  }
}
