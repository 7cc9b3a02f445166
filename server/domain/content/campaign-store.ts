/**
 * In-app messages ("campaigns" in the store; `messages` are chat messages):
 * CRUD, and the live set of a workspace, parsed once and cached briefly,
 * which every audience evaluation reads.
 */
import type { Kysely } from 'kysely';
import {
  parseRule,
  type CreateMessageInput,
  type InAppMessage,
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

export function toInAppMessage(row: CampaignRow): InAppMessage {
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
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

type Fields = Omit<CampaignRow, 'id' | 'workspace_id' | 'created_at' | 'updated_at'>;

function toColumns(input: UpdateMessageInput): Partial<Fields> {
  const set: Partial<Fields> = {};
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
  private readonly live = new TtlCache<InAppMessage[]>(5_000);
  private readonly changeListeners = new Set<(workspaceId: string) => void>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Called after every write (the audience re-evaluates connected visitors). */
  onChange(listener: (workspaceId: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  async list(workspaceId: string): Promise<InAppMessage[]> {
    const rows = await this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute();
    return rows.map(toInAppMessage);
  }

  async get(workspaceId: string, id: string): Promise<InAppMessage> {
    const row = await this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('message');
    return toInAppMessage(row);
  }

  async create(workspaceId: string, input: CreateMessageInput): Promise<InAppMessage> {
    const now = nowIso();
    const row: CampaignRow = {
      id: newId('msg'),
      workspace_id: workspaceId,
      name: input.name,
      format: input.format,
      body: input.body,
      audience: null,
      trigger: JSON.stringify(input.trigger),
      frequency: null,
      goal: null,
      schedule: null,
      priority: 0,
      status: 'draft',
      sender_id: null,
      position: input.format === 'banner' ? 'top' : null,
      dismissible: 1,
      button: null,
      image_url: null,
      selector: null,
      created_at: now,
      updated_at: now,
      ...toColumns(input),
    };
    await this.assertSender(workspaceId, row.sender_id);
    await this.db.insertInto('campaigns').values(row).execute();
    this.changed(workspaceId);
    return toInAppMessage(row);
  }

  async update(workspaceId: string, id: string, input: UpdateMessageInput): Promise<InAppMessage> {
    const current = await this.get(workspaceId, id);
    const set = toColumns(input);
    const format = set.format ?? current.format;
    const selector = set.selector !== undefined ? set.selector : current.selector;
    if (format === 'tooltip' && !selector) throw new ParleyError('validation_failed', 'selector: a tooltip needs the CSS selector of its element');
    if (set.sender_id !== undefined) await this.assertSender(workspaceId, set.sender_id);
    await this.db.updateTable('campaigns').set({ ...set, updated_at: nowIso() }).where('id', '=', id).execute();
    this.changed(workspaceId);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('campaigns').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('message');
    this.changed(workspaceId);
  }

  /** Live messages of the workspace, highest priority first. */
  liveIn(workspaceId: string): Promise<InAppMessage[]> {
    return this.live.getOrLoad(workspaceId, async () => {
      const rows = await this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'live').execute();
      return rows.map(toInAppMessage).sort((a, b) => b.priority - a.priority);
    });
  }

  /** Several by id (series steps send messages that may be drafts). */
  async byIds(workspaceId: string, ids: string[]): Promise<InAppMessage[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    return rows.map(toInAppMessage);
  }

  private async assertSender(workspaceId: string, senderId: string | null): Promise<void> {
    if (!senderId) return;
    const agent = await this.db.selectFrom('agents').select('id').where('workspace_id', '=', workspaceId).where('id', '=', senderId).executeTakeFirst();
    if (!agent) throw new ParleyError('validation_failed', 'sender_id: no such teammate');
  }

  private changed(workspaceId: string): void {
    this.live.delete(workspaceId);
    this.changeListeners.forEach((l) => l(workspaceId));
  }
}
