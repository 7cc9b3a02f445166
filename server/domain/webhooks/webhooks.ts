/**
 * The webhooks service the edges use: subscriptions (CRUD in the shape of the
 * other admin resources), the delivery log, "send test" and "retry", and the
 * process's delivery runner (started by server/start.ts). Conversation states
 * are backfilled when a workspace starts wanting conversation changes.
 *
 * @example api.use('/webhooks', admin, webhookRoutes(domain)); startWebhookWorker({ runner: domain.webhooks.runner, onError })
 */
import type { Kysely } from 'kysely';
import type {
  CreateWebhookInput,
  ListWebhookDeliveriesQuery,
  Page,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookPayload,
  WebhookWithSecret,
} from '../../../protocol/index.js';
import type { Database, WebhookRow } from '../../store/index.js';
import type { Conversations } from '../conversations/index.js';
import type { DomainBus } from '../bus.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { LookupAll } from './address-guard.js';
import { ConversationStates } from './conversation-states.js';
import { DeliveryRunner, type DeliveryRunnerOptions } from './delivery-runner.js';
import { CONVERSATION_CHANGE_TYPES, startWebhookEvents, type WebhookEvents } from './events.js';
import { toWebhookDelivery, webhookEvents } from './mappers.js';
import { DeliveryOutbox } from './outbox.js';
import { WebhookSubscriptions } from './subscriptions.js';

export interface WebhookOptions {
  /** WEBHOOK_ALLOW_PRIVATE=1: the operator allows private, loopback and link-local targets. */
  allowPrivate: boolean;
  lookup?: LookupAll;
}

/** Whether a subscription makes its workspace keep conversation states. */
const tracksConversations = (row: Pick<WebhookRow, 'enabled' | 'events'>) =>
  Number(row.enabled) === 1 && webhookEvents(row).some((e) => (CONVERSATION_CHANGE_TYPES as readonly string[]).includes(e));

export class Webhooks {
  readonly subscriptions: WebhookSubscriptions;
  readonly outbox: DeliveryOutbox;
  readonly states: ConversationStates;
  /** This process's runner: the worker's scans, and the attempts "send test" and "retry" make at once. */
  readonly runner: DeliveryRunner;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: WebhookOptions,
  ) {
    this.subscriptions = new WebhookSubscriptions(db, options);
    this.outbox = new DeliveryOutbox(db);
    this.states = new ConversationStates(db);
    this.runner = this.createRunner();
  }

  /** A runner of its own (tests: an injected clock, backoff and limits; a second worker). */
  createRunner(overrides: Partial<DeliveryRunnerOptions> = {}, db: Kysely<Database> = this.db): DeliveryRunner {
    const outbox = db === this.db ? this.outbox : new DeliveryOutbox(db);
    return new DeliveryRunner(db, outbox, { allowPrivate: this.options.allowPrivate, lookup: this.options.lookup, ...overrides });
  }

  /** Starts turning the bus's domain events into outbox rows. */
  follow(deps: { bus: DomainBus; conversations: Pick<Conversations, 'getInWorkspace' | 'agentView'> }, onError: (err: unknown) => void): WebhookEvents {
    return startWebhookEvents({ ...deps, subscriptions: this.subscriptions, outbox: this.outbox, states: this.states }, onError);
  }

  list(workspaceId: string): Promise<Webhook[]> {
    return this.subscriptions.list(workspaceId);
  }

  get(workspaceId: string, id: string): Promise<Webhook> {
    return this.subscriptions.get(workspaceId, id);
  }

  async create(workspaceId: string, input: CreateWebhookInput): Promise<WebhookWithSecret> {
    const tracked = await this.workspaceTracks(workspaceId);
    const created = await this.subscriptions.create(workspaceId, input);
    if (!tracked && (await this.workspaceTracks(workspaceId))) await this.states.backfill(workspaceId);
    return created;
  }

  async update(workspaceId: string, id: string, patch: UpdateWebhookInput): Promise<Webhook> {
    const tracked = await this.workspaceTracks(workspaceId);
    const updated = await this.subscriptions.update(workspaceId, id, patch);
    if (!tracked && (await this.workspaceTracks(workspaceId))) await this.states.backfill(workspaceId);
    return updated;
  }

  remove(workspaceId: string, id: string): Promise<void> {
    return this.subscriptions.remove(workspaceId, id);
  }

  rotateSecret(workspaceId: string, id: string): Promise<WebhookWithSecret> {
    return this.subscriptions.rotateSecret(workspaceId, id);
  }

  async deliveries(workspaceId: string, webhookId: string, query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDelivery>> {
    await this.subscriptions.row(workspaceId, webhookId);
    return this.outbox.list(webhookId, query);
  }

  /** A `ping` to this subscription (enabled or not), attempted at once; answers its delivery. */
  async sendTest(workspaceId: string, webhookId: string): Promise<WebhookDelivery> {
    const hook = await this.subscriptions.row(workspaceId, webhookId);
    const at = new Date();
    const payload: WebhookPayload = {
      id: newId('evt'),
      type: 'ping',
      created_at: at.toISOString(),
      workspace_id: workspaceId,
      data: { webhook_id: hook.id, text: 'A test event from Parley: your endpoint is reachable.' },
    };
    await this.outbox.enqueue(payload, [hook], at);
    const row = await this.db.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', hook.id).where('event_id', '=', payload.id).executeTakeFirstOrThrow();
    return this.attempted(row.id);
  }

  /** One more attempt of a delivery, at once (a failed one that fails again stays `failed`). */
  async retry(workspaceId: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.subscriptions.row(workspaceId, webhookId);
    const row = await this.outbox.get(webhookId, deliveryId);
    return this.attempted(row.id);
  }

  private async attempted(deliveryId: string): Promise<WebhookDelivery> {
    const row = await this.runner.attemptNow(deliveryId);
    if (!row) throw notFound('delivery');
    return toWebhookDelivery(row);
  }

  private async workspaceTracks(workspaceId: string): Promise<boolean> {
    const rows = await this.db.selectFrom('webhooks').select(['enabled', 'events']).where('workspace_id', '=', workspaceId).execute();
    return rows.some(tracksConversations);
  }
}
