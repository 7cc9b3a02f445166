/**
 * In-app messages for one contact: which are eligible now (the server's half
 * of targeting: audience, schedule, send limit), claiming one when the widget
 * found the moment, and recording what the contact did with it.
 *
 * The widget gets each eligible message with its `moment`: what is left of the
 * audience rule once every fact the server holds is decided — only page and
 * time-on-page conditions — so rules about traits, events and segments never
 * leave the server, and the widget evaluates the rest with the same evaluator.
 */
import { createHash } from 'node:crypto';
import {
  AudienceIndex,
  personalize,
  type Answers,
  momentRule,
  type ContentSnapshot,
  type EligibleMessage,
  type Rule,
  type TargetingChange,
  type WidgetOutcome,
} from '../../../protocol/index.js';
import type { Kysely } from 'kysely';
import type { CampaignDeliveryRow, ContactRow, Database } from '../../store/index.js';
import { ParleyError } from '../errors.js';
import { parseJsonColumn } from '../json.js';
import type { Workspace, WorkspaceDirectory } from '../workspaces/index.js';
import type { Campaign, CampaignStore } from './campaign-store.js';
import { type Deliveries, isOpen } from './deliveries.js';
import { goalWindowOpen, inSchedule, maySend } from './send-policy.js';
import type { TargetingContexts } from './targeting-contexts.js';

/** Where survey answers saved so far come from (resuming a half-answered survey). */
export interface SavedAnswers {
  answersFor(deliveryIds: string[]): Promise<Map<string, Answers>>;
}

/** Where each tour run is (resuming a tour on the next page). */
export interface TourPlaces {
  placesFor(deliveryIds: string[]): Promise<Map<string, number>>;
}

/** What the contact has done with an open delivery so far: a survey's answers, a tour's step. */
interface Progress {
  answers?: Answers;
  at?: number;
}

const DAY_MS = 86_400_000;

/**
 * Sampling: whether a contact is in a survey's N % — a hash of both ids, so
 * the same contact always gets the same answer for the same survey (no
 * re-rolling on every page view) and different surveys sample differently.
 */
export function inSample(contactId: string, surveyId: string, pct: number): boolean {
  if (pct >= 100) return true;
  const bucket = createHash('sha256').update(`${surveyId}:${contactId}`).digest().readUInt32BE(0) % 100;
  return bucket < pct;
}

const byCampaign = (rows: CampaignDeliveryRow[]) => {
  const map = new Map<string, CampaignDeliveryRow[]>();
  for (const row of rows) map.set(row.campaign_id, [...(map.get(row.campaign_id) ?? []), row]);
  return map;
};

export class InAppMessages {
  /** Per workspace: which live messages read which facts (incremental re-evaluation). */
  private readonly indexes = new WeakMap<Campaign[], { index: AudienceIndex; readsSegments: boolean }>();

  constructor(
    private readonly db: Kysely<Database>,
    readonly campaigns: CampaignStore,
    readonly deliveries: Deliveries,
    private readonly contexts: TargetingContexts,
    private readonly workspaces: WorkspaceDirectory,
    private readonly saved: SavedAnswers,
    private readonly tours: TourPlaces,
  ) {}

  async snapshotFor(contact: ContactRow): Promise<ContentSnapshot> {
    const now = Date.now();
    const live = await this.campaigns.liveIn(contact.workspace_id);
    const sent = byCampaign(await this.deliveries.forContact(contact.id));
    // Messages a series sent may be drafts (sent only by the series): load those too.
    const liveIds = new Set(live.map((m) => m.id));
    const seriesOnly = [...sent.keys()].filter((id) => !liveIds.has(id) && sent.get(id)?.some((d) => d.source === 'series' && isOpen(d, now)));
    const candidates = [...live, ...(await this.campaigns.byIds(contact.workspace_id, seriesOnly))];
    const ctx = await this.contexts.forContact(contact, audiences(candidates), now);
    const surveyedRecently = surveyedWithin([...sent.values()].flat(), await this.recontactRule(contact.workspace_id), now);

    const eligible: Array<{ message: Campaign; deliveryId: string | null; moment: Rule | null }> = [];
    for (const message of candidates) {
      const history = sent.get(message.id) ?? [];
      const open = history.find((d) => showsOnPage(d, now));
      // What a series or the host page sent shows whatever the message's own audience; otherwise the audience must still hold.
      // A tour once started goes on across pages, wherever its audience's page conditions pointed.
      const moment = (open && (open.source !== 'trigger' || message.format === 'tour')) || !message.audience ? true : momentRule(message.audience, ctx, now);
      if (moment === false) continue;
      if (!open && !(message.status === 'live' && inSchedule(message.schedule, now) && maySend(historyOf(history), message.frequency, message.goal, now))) continue;
      if (!open && message.format === 'survey' && (surveyedRecently || !inSample(contact.id, message.id, message.survey?.sample_pct ?? 100))) continue;
      eligible.push({ message, deliveryId: open?.id ?? null, moment: moment === true ? null : moment });
    }
    const openOf = (format: Campaign['format']) => eligible.flatMap((e) => (e.message.format === format && e.deliveryId ? [e.deliveryId] : []));
    const answers = await this.saved.answersFor(openOf('survey'));
    const places = await this.tours.placesFor(openOf('tour'));
    return {
      messages: await Promise.all(
        eligible.map((e) => this.render(contact, e.message, e.deliveryId, e.moment, { answers: answers.get(e.deliveryId ?? ''), at: places.get(e.deliveryId ?? '') })),
      ),
    };
  }

  /** What the recontact rule needs, read before any transaction (SQLite has one connection: no reads beside it). */
  private async recontactRule(workspaceId: string): Promise<{ days: number; surveyIds: Set<string> }> {
    const ws = await this.workspaces.byId(workspaceId);
    return { days: ws.surveyRecontactDays, surveyIds: ws.surveyRecontactDays > 0 ? await this.campaigns.surveyIds(workspaceId) : new Set() };
  }

  /**
   * `Messenger.startSurvey(id)` / `Messenger.startTour(id)`: shown at once, whatever
   * its audience, trigger or sampling; it must be live. An open run is resumed.
   */
  async startNow(contact: ContactRow, id: string, kind: 'survey' | 'tour'): Promise<EligibleMessage> {
    const content = await this.campaigns.get(contact.workspace_id, id, kind);
    if (content.status !== 'live') throw new ParleyError('not_found', `${kind} not found`);
    const now = Date.now();
    const open = (await this.deliveries.forContact(contact.id)).find((d) => d.campaign_id === content.id && showsOnPage(d, now));
    const delivery = open ?? (await this.deliveries.insert(this.db, contact, content.id, { source: 'api' }));
    if (!open) await this.deliveries.writeEvents(contact, delivery, content, ['sent']);
    const answers = kind === 'survey' ? await this.saved.answersFor([delivery.id]) : new Map<string, Answers>();
    const places = kind === 'tour' && open ? await this.tours.placesFor([delivery.id]) : new Map<string, number>();
    return this.render(contact, content, delivery.id, null, { answers: answers.get(delivery.id), at: places.get(delivery.id) });
  }

  /**
   * The widget found the moment for a message: send it, unless its schedule or
   * send limit says no now (another tab may have claimed it a moment ago: then
   * that open delivery is the answer, so both tabs agree).
   */
  async claim(contact: ContactRow, messageId: string): Promise<{ deliveryId: string }> {
    const now = Date.now();
    const message = await this.campaigns.get(contact.workspace_id, messageId);
    // Everything that reads other tables first: inside the transaction only this contact's deliveries are read.
    if (message.audience) {
      const ctx = await this.contexts.forContact(contact, [message.audience], now);
      if (momentRule(message.audience, ctx, now) === false) throw new ParleyError('conflict', 'the contact is not in this message’s audience');
    }
    const recontact = message.format === 'survey' ? await this.recontactRule(contact.workspace_id) : null;
    const outcome = await this.db.transaction().execute(async (trx) => {
      const all = await this.deliveries.forContact(contact.id, trx);
      const history = all.filter((d) => d.campaign_id === message.id);
      const open = history.find((d) => showsOnPage(d, now));
      if (open) return { delivery: open, created: false };
      if (message.status !== 'live' || !inSchedule(message.schedule, now)) throw new ParleyError('conflict', 'this message is not being sent now');
      if (!maySend(historyOf(history), message.frequency, message.goal, now)) throw new ParleyError('conflict', 'send limit reached for this contact');
      if (recontact && (!inSample(contact.id, message.id, message.survey?.sample_pct ?? 100) || surveyedWithin(all, recontact, now))) {
        throw new ParleyError('conflict', 'this contact is not to be surveyed now');
      }
      return { delivery: await this.deliveries.insert(trx, contact, message.id, { source: 'trigger' }), created: true };
    });
    if (outcome.created) await this.deliveries.writeEvents(contact, outcome.delivery, message, ['sent']);
    return { deliveryId: outcome.delivery.id };
  }

  /** A series step sends a message: open until acted on, whatever the message's own audience, status or send limit. */
  async sendFromSeries(contact: ContactRow, messageId: string, seriesId: string): Promise<void> {
    const [message] = await this.campaigns.byIds(contact.workspace_id, [messageId]);
    if (!message) return; // deleted since the series was saved: the step sends nothing
    const open = (await this.deliveries.forContact(contact.id)).find((d) => d.campaign_id === messageId && showsOnPage(d, Date.now()));
    if (open) return;
    const delivery = await this.deliveries.insert(this.db, contact, messageId, { source: 'series', seriesId });
    await this.deliveries.writeEvents(contact, delivery, message, ['sent']);
  }

  /** A survey sent in one of the contact's conversations (`Message.survey`): its questions and saved answers; loading it is its "shown". */
  async surveyInConversation(contact: ContactRow, deliveryId: string): Promise<EligibleMessage> {
    const delivery = await this.deliveries.get(contact, deliveryId);
    if (delivery.source !== 'conversation') throw new ParleyError('not_found', 'delivery not found');
    const survey = await this.campaigns.get(contact.workspace_id, delivery.campaign_id, 'survey');
    if (!delivery.shown_at) await this.deliveries.record(contact, delivery, 'shown', survey);
    const answers = await this.saved.answersFor([delivery.id]);
    return this.render(contact, survey, delivery.id, null, { answers: answers.get(delivery.id) });
  }

  async recordOutcome(contact: ContactRow, deliveryId: string, outcome: WidgetOutcome): Promise<boolean> {
    const delivery = await this.deliveries.get(contact, deliveryId);
    const message = await this.campaigns.get(contact.workspace_id, delivery.campaign_id);
    return this.deliveries.record(contact, delivery, outcome, message);
  }

  /** A reply to a chat message: the message (as its sender wrote it) opens the conversation. */
  async replyOpening(contact: ContactRow, deliveryId: string): Promise<{ body: string; author: { type: 'agent'; id: string | null; name: string | null } }> {
    const delivery = await this.deliveries.get(contact, deliveryId);
    const message = await this.campaigns.get(contact.workspace_id, delivery.campaign_id);
    if (message.format !== 'chat') throw new ParleyError('bad_request', 'only chat messages are replied to');
    const ws = await this.workspaces.byId(contact.workspace_id);
    const sender = await this.chatSender(message, ws);
    return { body: personalized(contact, message, ws), author: { type: 'agent', id: sender.agentId, name: sender.name } };
  }


  async markReplied(contact: ContactRow, deliveryId: string, conversationId: string): Promise<void> {
    const delivery = await this.deliveries.get(contact, deliveryId);
    const message = await this.campaigns.get(contact.workspace_id, delivery.campaign_id);
    await this.deliveries.record(contact, delivery, 'replied', message, { conversation_id: conversationId });
  }

  /** New events for a contact: goals they reach. Returns whether live content reads any of them. */
  async onEvents(contact: ContactRow, names: string[], occurredAt: number): Promise<boolean> {
    const deliveries = await this.deliveries.forContact(contact.id);
    const pending = deliveries.filter((d) => !d.goal_reached_at);
    if (pending.length > 0) {
      const messages = await this.campaigns.byIds(contact.workspace_id, [...new Set(pending.map((d) => d.campaign_id))]);
      for (const message of messages) {
        const goal = message.goal;
        if (!goal || !names.includes(goal.event)) continue;
        for (const delivery of pending.filter((d) => d.campaign_id === message.id)) {
          if (goalWindowOpen(Date.parse(delivery.sent_at), goal, occurredAt)) await this.deliveries.record(contact, delivery, 'goal_reached', message);
        }
      }
    }
    return this.affects(contact.workspace_id, { events: names });
  }

  /** Whether a change to a contact can change which live messages it is eligible for. */
  async affects(workspaceId: string, change: TargetingChange): Promise<boolean> {
    const live = await this.campaigns.liveIn(workspaceId);
    let entry = this.indexes.get(live);
    if (!entry) {
      const index = new AudienceIndex();
      for (const m of live) index.add(m.id, { all: [...(m.audience ? [m.audience] : []), ...(m.goal ? [{ event: m.goal.event, op: 'never' as const }] : [])] });
      entry = { index, readsSegments: live.some((m) => (index.dependenciesOf(m.id)?.segments.size ?? 0) > 0) };
      this.indexes.set(live, entry);
    }
    // A segment reads traits and events of its own: any change may move a contact in or out of one.
    return entry.readsSegments || entry.index.affectedBy(change).length > 0;
  }

  /** Who a chat message is from: its teammate, else the workspace's first team face, else the workspace. */
  private async chatSender(message: Campaign, ws: Workspace): Promise<{ agentId: string | null; name: string; avatarUrl: string | null }> {
    const agent = message.sender_id ? await this.db.selectFrom('agents').select(['id', 'name']).where('id', '=', message.sender_id).executeTakeFirst() : undefined;
    const name = agent?.name ?? ws.teamAvatars[0]?.name ?? ws.name;
    return { agentId: agent?.id ?? null, name, avatarUrl: ws.teamAvatars.find((a) => a.name === name)?.url ?? null };
  }

  private async render(contact: ContactRow, message: Campaign, deliveryId: string | null, moment: Rule | null, saved: Progress = {}): Promise<EligibleMessage> {
    const answers = saved.answers ?? {};
    const ws = await this.workspaces.byId(contact.workspace_id);
    const body = personalized(contact, message, ws);
    const chat = message.format === 'chat' ? await this.chatSender(message, ws) : null;
    const sender: EligibleMessage['sender'] = chat ? { name: chat.name, avatarUrl: chat.avatarUrl } : null;
    return {
      id: message.id,
      deliveryId,
      format: message.format,
      body,
      trigger: message.trigger,
      moment,
      priority: message.priority,
      sender,
      position: message.position,
      dismissible: message.dismissible,
      button: message.button,
      imageUrl: message.image_url,
      selector: message.selector,
      survey: message.survey ? { questions: message.survey.questions, thank_you: message.survey.thank_you, display: message.survey.display, answers } : null,
      tour: message.tour ? { steps: message.tour.steps, at: saved.at ?? 0 } : null,
    };
  }
}

/** The body with the contact's placeholders filled in. */
function personalized(contact: ContactRow, message: Campaign, ws: Workspace): string {
  const traits = parseJsonColumn<Record<string, string | number | boolean | null>>(contact.traits, {});
  return personalize(message.body, {
    user: { name: contact.name, first_name: contact.name?.split(/\s+/)[0] ?? null, email: contact.email, traits },
    workspace: { name: ws.name },
  });
}

function audiences(messages: Campaign[]): Rule[] {
  return messages.flatMap((m) => (m.audience ? [m.audience] : []));
}

/** Whether any survey was sent to the contact within the workspace's recontact window. */
function surveyedWithin(deliveries: CampaignDeliveryRow[], rule: { days: number; surveyIds: Set<string> }, now: number): boolean {
  if (rule.days <= 0) return false;
  return deliveries.some((d) => rule.surveyIds.has(d.campaign_id) && now - Date.parse(d.sent_at) < rule.days * DAY_MS);
}

/** An open delivery that shows on the page: not one sent in a conversation (that one is answered in its thread). */
function showsOnPage(row: CampaignDeliveryRow, now: number): boolean {
  return row.source !== 'conversation' && isOpen(row, now);
}

function historyOf(rows: CampaignDeliveryRow[]) {
  return { sentAt: rows.map((r) => Date.parse(r.sent_at)), goalReached: rows.some((r) => r.goal_reached_at !== null) };
}
