/**
 * Wire shapes of webhooks (`/api/v1/webhooks`, docs/webhooks.md): the
 * subscriptions, the events they may ask for, what each delivery POSTs, and the
 * delivery log. Snake_case like the other admin resources; the `data` of an
 * event is the object as the REST API returns it.
 */

/** The events a subscription may ask for (`ping` is sent by "Send test" only). */
export const WEBHOOK_EVENT_TYPES = [
  'conversation.created',
  'conversation.updated',
  'conversation.closed',
  'message.created',
  'contact.created',
  'contact.updated',
  'survey.response',
  'tour.completed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What a delivery may carry: a subscribed event, the test `ping`, or `automation.triggered` (an automation rule's call_webhook action, docs/automation.md). */
export type WebhookPayloadType = WebhookEventType | 'ping' | 'automation.triggered';

/** The request headers of every delivery (verification: docs/webhooks.md, examples/webhooks/verify.mjs). */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
  signature: 'Parley-Signature',
  /** The event's id: the same for every attempt, so a receiver can drop a repeat. */
  eventId: 'Parley-Event-Id',
  eventType: 'Parley-Event-Type',
  /** Which attempt this is (1 = the first). */
  attempt: 'Parley-Delivery-Attempt',
} as const;

export const WEBHOOK_USER_AGENT = 'Parley-Webhooks/1';

/** `GET /api/v1/webhooks/:id`. The secret is never here: it is shown once, by create and rotate-secret. */
export interface Webhook {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  enabled: boolean;
  /** Why it is disabled when the server disabled it: `failing` (deliveries failed for days). Null otherwise. */
  disabled_reason: 'failing' | null;
  /** Since when every attempt has failed (null after a success). */
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

/** `POST /webhooks` and `POST /webhooks/:id/rotate-secret`: the only answers that carry the signing secret. */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One attempt: the receiver's status code (null when none came: refused target, network error, timeout). */
export interface WebhookDeliveryAttempt {
  at: string;
  status_code: number | null;
  /** Why it failed, in a few words; null on success. Never the receiver's response body. */
  error: string | null;
  /** Until the response headers arrived (or the attempt ended). */
  response_ms: number;
}

/** A row of `GET /webhooks/:id/deliveries` (newest first). */
export interface WebhookDelivery {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: WebhookPayloadType;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When the next attempt is due; null once succeeded or failed. */
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_response_ms: number | null;
  /** Every attempt, oldest first (the most recent 20). */
  history: WebhookDeliveryAttempt[];
  /** The body that is POSTed, parsed. */
  payload: WebhookPayload;
  created_at: string;
  updated_at: string;
}

/** A field of a conversation whose change `conversation.updated` reports. */
export type ConversationChangeField = 'status' | 'assignee_id' | 'team_id' | 'priority' | 'tags';

/** The JSON body of every delivery. */
export interface WebhookPayload<D = unknown> {
  /** The event's id (unique; the same for each subscription and attempt). */
  id: string;
  type: WebhookPayloadType;
  created_at: string;
  workspace_id: string;
  data: D;
  /** `conversation.updated` only: what changed, from what to what. */
  changes?: Partial<Record<ConversationChangeField, { from: unknown; to: unknown }>>;
}

/** `data` of `survey.response`: a completed survey's answers. */
export interface SurveyResponseData {
  id: string;
  survey_id: string;
  survey_name: string;
  contact_id: string;
  /** Question id → answer. */
  answers: Record<string, unknown>;
  /** The conversation the survey was answered in, when it was sent in one. */
  conversation_id: string | null;
  completed_at: string;
}

/** `data` of `tour.completed`. */
export interface TourCompletedData {
  tour_id: string;
  tour_name: string;
  contact_id: string;
  delivery_id: string;
  completed_at: string;
}
