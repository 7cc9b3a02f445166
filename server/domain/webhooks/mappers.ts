/** Webhook rows → their REST shapes. The secret never leaves through here (only create and rotate show it). */
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookDelivery, type WebhookDeliveryAttempt, type WebhookEventType, type WebhookPayload } from '../../../protocol/index.js';
import type { WebhookDeliveryRow, WebhookRow } from '../../store/index.js';
import { parseJsonColumn } from '../json.js';

const KNOWN = new Set<string>(WEBHOOK_EVENT_TYPES);

export function webhookEvents(row: Pick<WebhookRow, 'events'>): WebhookEventType[] {
  return parseJsonColumn<unknown[]>(row.events, []).filter((e): e is WebhookEventType => typeof e === 'string' && KNOWN.has(e));
}

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: webhookEvents(row),
    description: row.description,
    enabled: Number(row.enabled) === 1,
    disabled_reason: row.disabled_reason === 'failing' ? 'failing' : null,
    failing_since: row.failing_since,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event_id: row.event_id,
    event_type: row.event_type as WebhookDelivery['event_type'],
    status: row.status,
    attempts: Number(row.attempts),
    next_attempt_at: row.status === 'pending' ? row.next_attempt_at : null,
    last_attempt_at: row.last_attempt_at,
    last_status_code: row.last_status_code === null ? null : Number(row.last_status_code),
    last_error: row.last_error,
    last_response_ms: row.last_response_ms === null ? null : Number(row.last_response_ms),
    history: parseJsonColumn<WebhookDeliveryAttempt[]>(row.history, []),
    payload: parseJsonColumn<WebhookPayload>(row.payload, { id: row.event_id, type: 'ping', created_at: row.created_at, workspace_id: row.workspace_id, data: null }),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
