/**
 * A workspace's webhook subscriptions: CRUD, the signing secret (made here,
 * answered only by create and rotate-secret), and who wants an event. Every
 * URL passes the SSRF guard before it is saved. The lookup of subscribers is
 * on every domain event, so it is cached per workspace for a few seconds
 * (dropped at once on this node's own changes; another node's change is seen
 * within the TTL).
 *
 * @example const hook = await subscriptions.create(workspaceId, { url, events: ['message.created'] })
 */
import type { Kysely } from 'kysely';
import { type CreateWebhookInput, type UpdateWebhookInput, WEBHOOK_LIMITS, type Webhook, type WebhookPayloadType, type WebhookWithSecret } from '../../../protocol/index.js';
import type { Database, WebhookRow } from '../../store/index.js';
import { notFound, ParleyError } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { resolveTarget, TargetRefused, type TargetOptions } from './address-guard.js';
import { toWebhook, webhookEvents } from './mappers.js';
import { newWebhookSecret } from './signature.js';

export const SUBSCRIBERS_TTL_MS = 5_000;

export class WebhookSubscriptions {
  private readonly cache = new Map<string, { at: number; rows: WebhookRow[] }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly target: TargetOptions,
  ) {}

  async list(workspaceId: string): Promise<Webhook[]> {
    const rows = await this.db.selectFrom('webhooks').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toWebhook);
  }

  async get(workspaceId: string, id: string): Promise<Webhook> {
    return toWebhook(await this.row(workspaceId, id));
  }

  /** The row with its secret: for signing, never for a response. */
  async row(workspaceId: string, id: string): Promise<WebhookRow> {
    const row = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!row) throw notFound('webhook');
    return row;
  }

  async create(workspaceId: string, input: CreateWebhookInput): Promise<WebhookWithSecret> {
    const count = await this.db.selectFrom('webhooks').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (Number(count?.n ?? 0) >= WEBHOOK_LIMITS.perWorkspace) throw new ParleyError('conflict', `a workspace has at most ${WEBHOOK_LIMITS.perWorkspace} webhooks`);
    await this.checkUrl(input.url);
    const now = nowIso();
    const row: WebhookRow = {
      id: newId('wh'),
      workspace_id: workspaceId,
      url: input.url,
      events: JSON.stringify(input.events),
      description: input.description ?? null,
      enabled: input.enabled === false ? 0 : 1,
      secret: newWebhookSecret(),
      failing_since: null,
      disabled_reason: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('webhooks').values(row).execute();
    this.cache.delete(workspaceId);
    return { ...toWebhook(row), secret: row.secret };
  }

  async update(workspaceId: string, id: string, patch: UpdateWebhookInput): Promise<Webhook> {
    const current = await this.row(workspaceId, id);
    if (patch.url !== undefined && patch.url !== current.url) await this.checkUrl(patch.url);
    const enabling = patch.enabled === true && Number(current.enabled) !== 1;
    const updated = await this.db
      .updateTable('webhooks')
      .set({
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0, disabled_reason: null } : {}),
        // Turned on again by hand: its failing streak starts over.
        ...(enabling ? { failing_since: null } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw notFound('webhook');
    this.cache.delete(workspaceId);
    return toWebhook(updated);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('webhooks').where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('webhook');
    this.cache.delete(workspaceId);
  }

  /** A new secret at once: deliveries from now on (retries included) are signed with it. */
  async rotateSecret(workspaceId: string, id: string): Promise<WebhookWithSecret> {
    const secret = newWebhookSecret();
    const updated = await this.db
      .updateTable('webhooks')
      .set({ secret, updated_at: nowIso() })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw notFound('webhook');
    this.cache.delete(workspaceId);
    return { ...toWebhook(updated), secret };
  }

  /** Enabled subscriptions of the workspace that asked for any of `types`. */
  async subscribers(workspaceId: string, types: readonly WebhookPayloadType[], now = Date.now()): Promise<WebhookRow[]> {
    let cached = this.cache.get(workspaceId);
    if (!cached || now - cached.at > SUBSCRIBERS_TTL_MS) {
      const rows = await this.db.selectFrom('webhooks').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', 1).execute();
      cached = { at: now, rows };
      this.cache.set(workspaceId, cached);
    }
    return cached.rows.filter((row) => webhookEvents(row).some((e) => types.includes(e)));
  }

  /** The SSRF guard at save time, as a 400 naming the field. */
  private async checkUrl(url: string): Promise<void> {
    try {
      await resolveTarget(new URL(url), this.target);
    } catch (err) {
      if (err instanceof TargetRefused) throw new ParleyError('validation_failed', `url: ${err.message}`);
      throw err;
    }
  }
}
