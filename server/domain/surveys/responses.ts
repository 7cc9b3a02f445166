/**
 * Survey responses: saved as the answers come (a half-answered survey
 * survives a reload and counts as partial), completed once. Completion closes
 * the delivery ("replied"), is written to the contact as `survey_completed`,
 * sets `nps_last` / `nps_category` for an NPS question, and runs the survey's
 * follow-ups (traits, a conversation from the team).
 */
import type { Kysely } from 'kysely';
import { answerMatches, checkAnswers, npsCategory, type Answers, type SurveyAnswerInput, type SurveyFollowUp, type Traits } from '../../../protocol/index.js';
import type { ContactRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import type { ContactStore } from '../contacts/index.js';
import type { CampaignStore } from '../content/campaign-store.js';
import type { Deliveries } from '../content/deliveries.js';
import type { Conversations, MessageLog } from '../conversations/index.js';
import { ParleyError } from '../errors.js';
import type { EventLog } from '../events/index.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { answersSummary } from './answers-summary.js';

export class SurveyResponses {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly deps: {
      campaigns: CampaignStore;
      deliveries: Deliveries;
      contacts: ContactStore;
      conversations: Conversations;
      messages: MessageLog;
      events: EventLog;
      bus?: DomainBus;
    },
  ) {}

  /** Answers saved so far for each delivery (to resume). */
  async answersFor(deliveryIds: string[]): Promise<Map<string, Answers>> {
    const found = new Map<string, Answers>();
    if (deliveryIds.length === 0) return found;
    const rows = await this.db.selectFrom('survey_responses').select(['delivery_id', 'answers']).where('delivery_id', 'in', deliveryIds).execute();
    for (const row of rows) found.set(row.delivery_id, parseJsonColumn<Answers>(row.answers, {}));
    return found;
  }

  async save(contact: ContactRow, input: SurveyAnswerInput): Promise<{ completed: boolean }> {
    const { campaigns, deliveries } = this.deps;
    const delivery = await deliveries.get(contact, input.deliveryId);
    const survey = await campaigns.get(contact.workspace_id, delivery.campaign_id, 'survey').catch(() => {
      throw new ParleyError('not_found', 'survey not found');
    });
    const questions = survey.survey?.questions ?? [];
    const checked = checkAnswers(questions, input.answers);
    if (!checked.ok) throw new ParleyError('validation_failed', checked.problem);

    const now = nowIso();
    const existing = await this.db.selectFrom('survey_responses').selectAll().where('delivery_id', '=', delivery.id).executeTakeFirst();
    if (existing?.completed_at) return { completed: true }; // answers are final once completed
    const answers: Answers = { ...parseJsonColumn<Answers>(existing?.answers ?? null, {}), ...checked.answers };
    const completing = input.completed;
    const responseId = existing?.id ?? newId('rsp');
    await this.db
      .insertInto('survey_responses')
      .values({
        id: responseId,
        workspace_id: contact.workspace_id,
        survey_id: survey.id,
        contact_id: contact.id,
        delivery_id: delivery.id,
        answers: JSON.stringify(answers),
        completed_at: completing ? now : null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('delivery_id').doUpdateSet({ answers: JSON.stringify(answers), updated_at: now, ...(completing ? { completed_at: now } : {}) }),
      )
      .execute();
    if (!completing) return { completed: false };

    await deliveries.record(contact, delivery, 'replied', survey);
    // Answered in a conversation: the answers go back into its thread, where the agent asked.
    const inConversation = delivery.source === 'conversation' ? delivery.conversation_id : null;
    if (inConversation) {
      await this.deps.messages.append({
        workspaceId: contact.workspace_id,
        conversationId: inConversation,
        clientId: `${delivery.id}:answers`,
        body: answersSummary(questions, answers) || '—',
        author: { type: 'visitor', id: contact.id, name: contact.name },
        keepStatus: true,
      });
    }
    const nps = questions.find((q) => q.type === 'nps' && typeof answers[q.id] === 'number');
    const npsValue = nps ? (answers[nps.id] as number) : undefined;
    await this.deps.events.record(contact, [
      {
        id: `${delivery.id}:survey_completed`,
        type: 'track',
        name: 'survey_completed',
        props: { survey_id: survey.id, survey_name: survey.name, ...(npsValue !== undefined ? { nps: npsValue } : {}) },
      },
    ]);
    this.deps.bus?.publish('survey.response', {
      workspaceId: contact.workspace_id,
      contactId: contact.id,
      response: { id: responseId, survey_id: survey.id, survey_name: survey.name, contact_id: contact.id, answers, conversation_id: inConversation, completed_at: now },
    });
    await this.followUp(contact, survey.survey?.follow_up ?? [], answers, npsValue, delivery.id, inConversation);
    return { completed: true };
  }

  private async followUp(
    contact: ContactRow,
    followUps: SurveyFollowUp[],
    answers: Answers,
    npsValue: number | undefined,
    deliveryId: string,
    /** The conversation the survey was sent in: a follow-up is written there, not in a new one. */
    conversationId: string | null,
  ): Promise<void> {
    const traits: Traits = {};
    const tags: string[] = [];
    if (npsValue !== undefined) {
      traits.nps_last = npsValue;
      traits.nps_category = npsCategory(npsValue);
    }
    let index = 0;
    for (const rule of followUps) {
      index += 1;
      if (!answerMatches(rule.if, answers[rule.question])) continue;
      Object.assign(traits, rule.set_traits ?? {});
      tags.push(...(rule.add_tags ?? []));
      if (rule.open_conversation) {
        const assigneeId = rule.open_conversation.assignee_id ?? null;
        const agent = assigneeId ? await this.db.selectFrom('agents').select(['id', 'name']).where('id', '=', assigneeId).where('workspace_id', '=', contact.workspace_id).executeTakeFirst() : undefined;
        const followUp = {
          clientId: `${deliveryId}:follow-up:${index}`,
          body: rule.open_conversation.body,
          author: agent ? { type: 'agent' as const, id: agent.id, name: agent.name } : { type: 'bot' as const, id: null, name: null },
        };
        if (conversationId) await this.deps.messages.append({ workspaceId: contact.workspace_id, conversationId, ...followUp });
        else await this.deps.conversations.openByTeam(contact, { ...followUp, assigneeId: agent?.id ?? null, teamId: rule.open_conversation.team_id ?? null });
      }
    }
    const current = tags.length > 0 ? await this.deps.contacts.addTags(contact, tags) : contact;
    if (Object.keys(traits).length > 0) await this.deps.contacts.updateTraits(current, traits);
  }
}
