/**
 * Everything held about one contact, as one JSON document (protocol's
 * ContactExport): the profile, events, conversations with their messages,
 * tags and (for the team) notes, survey responses, in-app message impressions,
 * tour runs, series progress, and uploads as signed links. Tables registered
 * with `export: 'other'` come along as stored rows, so a new table is exported
 * the moment it is registered (contact-tables.ts).
 */
import type { Kysely } from 'kysely';
import type {
  ContactExport,
  ExportedAttachment,
  ExportedConversation,
  ExportedImpression,
  ExportedSeriesEnrollment,
  ExportedSurveyResponse,
  ExportedTourRun,
} from '../../../protocol/index.js';
import type { AttachmentRow, ContactRow, Database } from '../../store/index.js';
import type { Attachments } from '../attachments/index.js';
import { toContactProfile } from '../contacts/index.js';
import { toContactEvent } from '../events/index.js';
import { parseJsonColumn } from '../json.js';
import { linkedRows } from './contact-links.js';
import { CONTACT_TABLES, contactTable } from './contact-tables.js';

export interface ExportOptions {
  /** The team's internal notes: in the admin export, not in a visitor's own download. */
  includeNotes: boolean;
  /** Makes upload links absolute (`PUBLIC_URL`). */
  publicUrl: string;
}

const group = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

export class ContactExporter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly attachments: Attachments,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async export(contact: ContactRow, opts: ExportOptions): Promise<ContactExport> {
    const db = this.db;
    const id = contact.id;
    const events = await db.selectFrom('events').selectAll().where('contact_id', '=', id).orderBy('occurred_at').orderBy('id').execute();
    const uploads = await this.uploads(id, opts.publicUrl);
    const other: ContactExport['other'] = {};
    for (const entry of CONTACT_TABLES.filter((t) => t.export === 'other')) other[entry.table] = await linkedRows(db, entry, [id], contactTable);
    return {
      format: 'parley.contact-export',
      version: 1,
      exportedAt: this.clock().toISOString(),
      contact: { ...toContactProfile(contact), country: contact.country ?? null },
      events: events.map(toContactEvent),
      conversations: await this.conversations(id, uploads, opts.includeNotes),
      surveyResponses: await this.surveyResponses(id),
      messageImpressions: await this.impressions(id),
      tourRuns: await this.tourRuns(id),
      seriesEnrollments: await this.enrollments(id),
      uploads,
      other,
    };
  }

  private async uploads(contactId: string, publicUrl: string): Promise<ExportedAttachment[]> {
    const entry = contactTable('attachments');
    const rows = entry ? ((await linkedRows(this.db, entry, [contactId], contactTable)) as unknown as AttachmentRow[]) : [];
    return rows
      .sort((a, b) => (a.created_at < b.created_at ? -1 : 1))
      .map((row) => {
        const a = this.attachments.toAttachment(row);
        return { ...a, url: `${publicUrl}${a.url}`, conversationId: row.conversation_id, messageId: row.message_id, createdAt: row.created_at };
      });
  }

  private async conversations(contactId: string, uploads: ExportedAttachment[], includeNotes: boolean): Promise<ExportedConversation[]> {
    const db = this.db;
    const convs = await db.selectFrom('conversations').selectAll().where('contact_id', '=', contactId).orderBy('created_at').execute();
    if (convs.length === 0) return [];
    const ids = convs.map((c) => c.id);
    const messages = group(await db.selectFrom('messages').selectAll().where('conversation_id', 'in', ids).orderBy('seq').execute(), (m) => m.conversation_id);
    const notes = group(await db.selectFrom('conversation_notes').selectAll().where('conversation_id', 'in', ids).orderBy('created_at').execute(), (n) => n.conversation_id);
    const tagRows = await db
      .selectFrom('conversation_tags')
      .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
      .select(['conversation_tags.conversation_id as conversation_id', 'tags.name as name'])
      .where('conversation_tags.conversation_id', 'in', ids)
      .execute();
    const tags = group(tagRows, (t) => t.conversation_id);
    const byMessage = group(uploads, (u) => u.messageId);
    return convs.map((c) => ({
      id: c.id,
      status: c.status,
      channel: c.channel,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      closedAt: c.closed_at ?? null,
      rating: c.rating,
      ratingComment: c.rating_comment,
      tags: (tags.get(c.id) ?? []).map((t) => t.name).sort(),
      messages: (messages.get(c.id) ?? []).map((m) => ({
        id: m.id,
        seq: Number(m.seq),
        authorType: m.author_type,
        authorName: m.author_name,
        body: m.body,
        createdAt: m.created_at,
        attachmentIds: (byMessage.get(m.id) ?? []).map((u) => u.id),
      })),
      ...(includeNotes ? { notes: (notes.get(c.id) ?? []).map((n) => ({ id: n.id, authorName: n.author_name, body: n.body, createdAt: n.created_at })) } : {}),
    }));
  }

  private async surveyResponses(contactId: string): Promise<ExportedSurveyResponse[]> {
    const rows = await this.db
      .selectFrom('survey_responses')
      .leftJoin('campaigns', 'campaigns.id', 'survey_responses.survey_id')
      .select(['survey_responses.id', 'survey_id', 'delivery_id', 'answers', 'completed_at', 'survey_responses.created_at', 'campaigns.name'])
      .where('survey_responses.contact_id', '=', contactId)
      .orderBy('survey_responses.created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      surveyId: r.survey_id,
      surveyName: r.name,
      deliveryId: r.delivery_id,
      answers: parseJsonColumn<Record<string, unknown>>(r.answers, {}),
      completedAt: r.completed_at,
      createdAt: r.created_at,
    }));
  }

  private async impressions(contactId: string): Promise<ExportedImpression[]> {
    const rows = await this.db
      .selectFrom('campaign_deliveries as d')
      .leftJoin('campaigns as c', 'c.id', 'd.campaign_id')
      .selectAll('d')
      .select(['c.name as campaign_name', 'c.format as campaign_format'])
      .where('d.contact_id', '=', contactId)
      .orderBy('d.sent_at')
      .execute();
    return rows.map((d) => ({
      id: d.id,
      campaignId: d.campaign_id,
      campaignName: d.campaign_name,
      format: d.campaign_format,
      source: d.source,
      sentAt: d.sent_at,
      shownAt: d.shown_at,
      openedAt: d.opened_at,
      clickedAt: d.clicked_at,
      dismissedAt: d.dismissed_at,
      repliedAt: d.replied_at,
      goalReachedAt: d.goal_reached_at,
      conversationId: d.conversation_id,
    }));
  }

  private async tourRuns(contactId: string): Promise<ExportedTourRun[]> {
    const runs = await this.db.selectFrom('tour_runs').selectAll().where('contact_id', '=', contactId).orderBy('created_at').execute();
    if (runs.length === 0) return [];
    const steps = group(
      await this.db.selectFrom('tour_step_events').selectAll().where('delivery_id', 'in', runs.map((r) => r.delivery_id)).orderBy('at').execute(),
      (s) => s.delivery_id,
    );
    return runs.map((r) => ({
      deliveryId: r.delivery_id,
      tourId: r.tour_id,
      status: r.status,
      at: Number(r.at),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      steps: (steps.get(r.delivery_id) ?? []).map((s) => ({ stepId: s.step_id, kind: s.kind, at: s.at })),
    }));
  }

  private async enrollments(contactId: string): Promise<ExportedSeriesEnrollment[]> {
    const rows = await this.db.selectFrom('series_enrollments').selectAll().where('contact_id', '=', contactId).orderBy('entered_at').execute();
    if (rows.length === 0) return [];
    const visits = group(
      await this.db.selectFrom('series_step_visits').selectAll().where('enrollment_id', 'in', rows.map((r) => r.id)).orderBy('reached_at').execute(),
      (v) => v.enrollment_id,
    );
    return rows.map((r) => ({
      id: r.id,
      seriesId: r.series_id,
      status: r.status,
      stepIndex: Number(r.step_index),
      enteredAt: r.entered_at,
      updatedAt: r.updated_at,
      visits: (visits.get(r.id) ?? []).map((v) => ({ stepId: v.step_id, reachedAt: v.reached_at })),
    }));
  }
}
