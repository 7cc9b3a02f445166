/**
 * The `call_webhook` action: an `automation.triggered` event enqueued to one
 * subscription through the webhooks' own outbox (domain/webhooks), so it is
 * signed, retried with backoff and logged like every other delivery. The
 * subscription need not list the event: the rule names it. A disabled
 * subscription fails the action (its outbox rows would wait unsent).
 *
 * @example await new AutomationWebhookCall(domain.webhooks).enqueue(workspaceId, webhookId, data)
 */
import type { AutomationTriggeredData, WebhookPayload } from '../../../protocol/index.js';
import { ParleyError } from '../errors.js';
import { newId } from '../ids.js';
import type { Webhooks } from '../webhooks/index.js';

export class AutomationWebhookCall {
  constructor(private readonly webhooks: Pick<Webhooks, 'subscriptions' | 'outbox'>) {}

  /** Resolves once the delivery is in the outbox (the worker sends it); answers the event id. */
  async enqueue(workspaceId: string, webhookId: string, data: AutomationTriggeredData): Promise<string> {
    const hook = await this.webhooks.subscriptions.row(workspaceId, webhookId);
    if (Number(hook.enabled) !== 1) throw new ParleyError('conflict', `webhook "${webhookId}" is disabled`);
    const at = new Date();
    const payload: WebhookPayload<AutomationTriggeredData> = { id: newId('evt'), type: 'automation.triggered', created_at: at.toISOString(), workspace_id: workspaceId, data };
    await this.webhooks.outbox.enqueue(payload, [hook], at);
    return payload.id;
  }
}
