/**
 * Deliveries: one row per send of a message to a contact, with the time of
 * each outcome. They are the send limit's memory, the stats' source, and what
 * stays "open" (shown again on the next page) until the contact acts on it.
 * Every outcome is also written to the contact's event log (the closed loop of
 * DESIGN.md §4), with an id derived from the delivery so it is written once.
 */
import type { Kysely } from 'kysely';
import { OUTCOME_EVENTS, type InAppMessage, type MessageStats, type Outcome } from '../../../protocol/index.js';
import type { CampaignDeliveryRow, ContactRow, Database } from '../../store/index.js';
import { notFound } from '../errors.js';
import type { EventLog } from '../events/index.js';
import { newId, nowIso } from '../ids.js';

const COLUMN: Record<Exclude<Outcome, 'sent'>, keyof CampaignDeliveryRow> = {
  shown: 'shown_at',
  opened: 'opened_at',
  clicked: 'clicked_at',
  dismissed: 'dismissed_at',
  replied: 'replied_at',
  goal_reached: 'goal_reached_at',
};

/** An open delivery is shown again on later pages, for this long at most. */
export const OPEN_FOR_MS = 30 * 86_400_000;

/** Acting on a message closes it: it is not shown again. */
export function isOpen(row: CampaignDeliveryRow, now: number): boolean {
  return !row.dismissed_at && !row.clicked_at && !row.replied_at && !row.opened_at && now - Date.parse(row.sent_at) < OPEN_FOR_MS;
}

type Db = Kysely<Database>;

export class Deliveries {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  /** Every delivery to the contact (the send limit counts them), newest first. */
  forContact(contactId: string, db: Db = this.db): Promise<CampaignDeliveryRow[]> {
    return db.selectFrom('campaign_deliveries').selectAll().where('contact_id', '=', contactId).orderBy('sent_at', 'desc').execute();
  }

  async get(contact: ContactRow, deliveryId: string): Promise<CampaignDeliveryRow> {
    const row = await this.db
      .selectFrom('campaign_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .where('contact_id', '=', contact.id)
      .executeTakeFirst();
    if (!row) throw notFound('delivery');
    return row;
  }

  /** Inserts a send (inside the caller's transaction when given) and returns it. */
  async insert(db: Db, contact: ContactRow, campaignId: string, from: { source: CampaignDeliveryRow['source']; seriesId?: string; conversationId?: string }): Promise<CampaignDeliveryRow> {
    const row: CampaignDeliveryRow = {
      id: newId('dlv'),
      workspace_id: contact.workspace_id,
      campaign_id: campaignId,
      contact_id: contact.id,
      series_id: from.seriesId ?? null,
      source: from.source,
      sent_at: nowIso(),
      shown_at: null,
      opened_at: null,
      clicked_at: null,
      dismissed_at: null,
      replied_at: null,
      goal_reached_at: null,
      conversation_id: from.conversationId ?? null,
    };
    await db.insertInto('campaign_deliveries').values(row).execute();
    return row;
  }

  /**
   * Records an outcome the first time it happens; returns false for a repeat.
   * A click or reply without a recorded "shown" implies it was shown.
   */
  async record(contact: ContactRow, delivery: CampaignDeliveryRow, outcome: Exclude<Outcome, 'sent'>, message: Pick<InAppMessage, 'id' | 'name'>, extra: Partial<CampaignDeliveryRow> = {}): Promise<boolean> {
    const column = COLUMN[outcome];
    const now = nowIso();
    const set: Partial<CampaignDeliveryRow> = { [column]: now, ...extra };
    if (outcome !== 'shown' && outcome !== 'goal_reached' && !delivery.shown_at) set.shown_at = now;
    const result = await this.db
      .updateTable('campaign_deliveries')
      .set(set)
      .where('id', '=', delivery.id)
      .where(column, 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    const outcomes: Outcome[] = set.shown_at && outcome !== 'shown' ? ['shown', outcome] : [outcome];
    await this.writeEvents(contact, delivery, message, outcomes);
    return true;
  }

  async writeEvents(contact: ContactRow, delivery: CampaignDeliveryRow, message: Pick<InAppMessage, 'id' | 'name'>, outcomes: Outcome[]): Promise<void> {
    await this.events.record(
      contact,
      outcomes.map((outcome) => ({
        id: `${delivery.id}:${outcome}`,
        type: 'track' as const,
        name: OUTCOME_EVENTS[outcome],
        props: { message_id: message.id, message_name: message.name, ...(delivery.series_id ? { series_id: delivery.series_id } : {}) },
      })),
    );
  }

  async stats(campaignId: string): Promise<MessageStats> {
    const row = await this.db
      .selectFrom('campaign_deliveries')
      .select((eb) => [
        eb.fn.countAll<number>().as('sent'),
        eb.fn.count<number>('shown_at').as('shown'),
        eb.fn.count<number>('opened_at').as('opened'),
        eb.fn.count<number>('clicked_at').as('clicked'),
        eb.fn.count<number>('dismissed_at').as('dismissed'),
        eb.fn.count<number>('replied_at').as('replied'),
        eb.fn.count<number>('goal_reached_at').as('goal_reached'),
      ])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    const n = (v: unknown) => Number(v ?? 0);
    const stats = {
      sent: n(row.sent),
      shown: n(row.shown),
      opened: n(row.opened),
      clicked: n(row.clicked),
      dismissed: n(row.dismissed),
      replied: n(row.replied),
      goal_reached: n(row.goal_reached),
    };
    return { ...stats, ctr: stats.shown ? stats.clicked / stats.shown : null, goal_rate: stats.sent ? stats.goal_reached / stats.sent : null };
  }
}
