/**
 * Outbound content ("campaigns" in the store; `messages` are chat messages):
 * in-app messages, surveys and tours share one table, one audience/trigger/
 * send-limit machinery and one delivery log; a survey is a row with format
 * "survey" and its questions in `survey`, a tour format "tour" with its steps
 * in `tour`. CRUD per kind, and the live set of a workspace,
 * parsed once and cached briefly, which every audience evaluation reads.
 */
import type { Kysely } from 'kysely';
import {
  parseRule,
  type CreateMessageInput,
  type InAppMessage,
  type MessageFormat,
  type Survey,
  type Tour,
  type UpdateMessageInput,
} from '../../../protocol/index.js';
import type { CampaignRow, Database } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { TtlCache } from './ttl-cache.js';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

function parseAudience(text: string | null): InAppMessage['audience'] {
  if (!text) return null;
  try {
    return parseRule(JSON.parse(text));
  } catch {
    // A rule no longer valid must not widen the audience to everyone: match no one.
    return { any: [] };
  }
}

/** What a survey adds to a campaign row (its `survey` JSON column). */
export type SurveyBody = Pick<Survey, 'questions' | 'thank_you' | 'display' | 'sample_pct' | 'follow_up'>;

/** What a tour adds to a campaign row (its `tour` JSON column). */
export type TourBody = Pick<Tour, 'steps'>;

/** Any kind of content, as the audience machinery sees it. */
export type Campaign = Omit<InAppMessage, 'format'> & { format: MessageFormat | 'survey' | 'tour'; survey: SurveyBody | null; tour: TourBody | null };

export type ContentKind = 'message' | 'survey' | 'tour';
const kindOf = (format: Campaign['format']): ContentKind => (format === 'survey' || format === 'tour' ? format : 'message');
const ID_PREFIX: Record<ContentKind, string> = { message: 'msg', survey: 'srv', tour: 'tur' };

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    body: row.body,
    audience: parseAudience(row.audience),
    trigger: parseJsonColumn(row.trigger, { on: 'immediate' }),
    frequency: parseJsonColumn(row.frequency, null),
    goal: parseJsonColumn(row.goal, null),
    schedule: parseJsonColumn(row.schedule, null),
    priority: Number(row.priority),
    status: row.status,
    sender_id: row.sender_id,
    position: row.position,
    dismissible: Number(row.dismissible) === 1,
    button: parseJsonColumn(row.button, null),
    image_url: row.image_url,
    selector: row.selector,
    survey: row.format === 'survey' ? parseJsonColumn<SurveyBody | null>(row.survey, null) : null,
    tour: row.format === 'tour' ? parseJsonColumn<TourBody | null>(row.tour ?? null, null) : null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The REST shape of an in-app message (DESIGN.md §2). */
export function toInAppMessage(c: Campaign): InAppMessage {
  const { survey: _survey, tour: _tour, ...message } = c;
  return { ...message, format: c.format === 'survey' || c.format === 'tour' ? 'post' : c.format };
}

export type CampaignFields = Omit<CampaignRow, 'id' | 'workspace_id' | 'created_at' | 'updated_at'>;

/** The columns shared by both kinds (audience, trigger, limits…), from a validated patch. */
export function toColumns(input: UpdateMessageInput): Partial<CampaignFields> {
  const set: Partial<CampaignFields> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.format !== undefined) set.format = input.format;
  if (input.body !== undefined) set.body = input.body;
  if (input.audience !== undefined) set.audience = json(input.audience);
  if (input.trigger !== undefined) set.trigger = JSON.stringify(input.trigger);
  if (input.frequency !== undefined) set.frequency = json(input.frequency);
  if (input.goal !== undefined) set.goal = json(input.goal);
  if (input.schedule !== undefined) set.schedule = json(input.schedule);
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.status !== undefined) set.status = input.status;
  if (input.sender_id !== undefined) set.sender_id = input.sender_id;
  if (input.position !== undefined) set.position = input.position;
  if (input.dismissible !== undefined) set.dismissible = input.dismissible ? 1 : 0;
  if (input.button !== undefined) set.button = json(input.button);
  if (input.image_url !== undefined) set.image_url = input.image_url;
  if (input.selector !== undefined) set.selector = input.selector;
  return set;
}

export class CampaignStore {
  private readonly live = new TtlCache<Campaign[]>(5_000);
  private readonly surveys = new TtlCache<Set<string>>(5_000);
  private readonly changeListeners = new Set<(workspaceId: string) => void>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Called after every write (the audience re-evaluates connected visitors). */
  onChange(listener: (workspaceId: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  async list(workspaceId: string, kind: ContentKind): Promise<Campaign[]> {
    let query = this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId);
    query = kind === 'message' ? query.where('format', 'not in', ['survey', 'tour']) : query.where('format', '=', kind);
    const rows = await query.orderBy('created_at', 'desc').execute();
    return rows.map(toCampaign);
  }

  /** One of this workspace's campaigns of that kind; any other answers 404, like a missing one. */
  async get(workspaceId: string, id: string, kind?: ContentKind): Promise<Campaign> {
    const row = await this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row || (kind && kindOf(row.format) !== kind)) throw notFound(kind ?? 'message');
    return toCampaign(row);
  }

  async create(workspaceId: string, input: CreateMessageInput): Promise<Campaign> {
    return this.insert(workspaceId, { position: input.format === 'banner' ? 'top' : null, ...toColumns(input) });
  }

  /** Inserts a row of any kind over the defaults (draft, sent once, no audience). */
  async insert(workspaceId: string, columns: Partial<CampaignFields>): Promise<Campaign> {
    const now = nowIso();
    const row: CampaignRow = {
      id: newId(ID_PREFIX[kindOf(columns.format ?? 'post')]),
      workspace_id: workspaceId,
      name: '',
      format: 'post',
      body: '',
      audience: null,
      trigger: JSON.stringify({ on: 'immediate' }),
      frequency: null,
      goal: null,
      schedule: null,
      priority: 0,
      status: 'draft',
      sender_id: null,
      position: null,
      dismissible: 1,
      button: null,
      image_url: null,
      selector: null,
      survey: null,
      tour: null,
      created_at: now,
      updated_at: now,
      ...columns,
    };
    await this.assertSender(workspaceId, row.sender_id);
    await this.db.insertInto('campaigns').values(row).execute();
    this.changed(workspaceId);
    return toCampaign(row);
  }

  async update(workspaceId: string, id: string, input: UpdateMessageInput): Promise<Campaign> {
    const current = await this.get(workspaceId, id, 'message');
    const set = toColumns(input);
    const format = set.format ?? current.format;
    const selector = set.selector !== undefined ? set.selector : current.selector;
    if (format === 'tooltip' && !selector) throw new ParleyError('validation_failed', 'selector: a tooltip needs the CSS selector of its element');
    return this.patch(workspaceId, id, set);
  }

  /** Writes columns of an existing row (the caller checked its kind). */
  async patch(workspaceId: string, id: string, set: Partial<CampaignFields>): Promise<Campaign> {
    if (set.sender_id !== undefined) await this.assertSender(workspaceId, set.sender_id);
    await this.db.updateTable('campaigns').set({ ...set, updated_at: nowIso() }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    this.changed(workspaceId);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string, kind: ContentKind): Promise<void> {
    await this.get(workspaceId, id, kind);
    await this.db.deleteFrom('campaigns').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    this.changed(workspaceId);
  }

  /** Live content of the workspace (every kind), highest priority first. */
  liveIn(workspaceId: string): Promise<Campaign[]> {
    return this.live.getOrLoad(workspaceId, async () => {
      const rows = await this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'live').execute();
      return rows.map(toCampaign).sort((a, b) => b.priority - a.priority);
    });
  }

  /** Ids of every survey of the workspace, live or not (the recontact rule counts them all). */
  surveyIds(workspaceId: string): Promise<Set<string>> {
    return this.surveys.getOrLoad(workspaceId, async () => {
      const rows = await this.db.selectFrom('campaigns').select('id').where('workspace_id', '=', workspaceId).where('format', '=', 'survey').execute();
      return new Set(rows.map((r) => r.id));
    });
  }

  /** Several by id (series steps send messages that may be drafts). */
  async byIds(workspaceId: string, ids: string[]): Promise<Campaign[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    return rows.map(toCampaign);
  }

  private async assertSender(workspaceId: string, senderId: string | null): Promise<void> {
    if (!senderId) return;
    const agent = await this.db.selectFrom('agents').select('id').where('workspace_id', '=', workspaceId).where('id', '=', senderId).executeTakeFirst();
    if (!agent) throw new ParleyError('validation_failed', 'sender_id: no such teammate');
  }

  private changed(workspaceId: string): void {
    this.live.delete(workspaceId);
    this.surveys.delete(workspaceId);
    this.changeListeners.forEach((l) => l(workspaceId));
  }
}
