/**
 * Row types of the webhook tables (migration 012): subscriptions, the
 * delivery outbox and the conversation snapshots `conversation.updated` diffs
 * against. Same conventions as schema.ts (ISO text times, JSON as text).
 */

/** A workspace's subscription. `secret` signs every delivery (shown to the admin once). */
export interface WebhookRow {
  id: string;
  workspace_id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  description: string | null;
  enabled: number;
  secret: string;
  /** Since when every attempt has failed; null after any success. */
  failing_since: string | null;
  /** 'failing' when the server disabled it; null otherwise. */
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The outbox: one row per (event, subscription). `payload` is the exact body
 * POSTed at every attempt. A worker claims a due row by setting `locked_until`
 * (and `lock_token`) with a compare-and-set, so each attempt runs on one node.
 */
export interface WebhookDeliveryRow {
  id: string;
  workspace_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  /** Null once succeeded or failed. */
  next_attempt_at: string | null;
  locked_until: string | null;
  lock_token: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_response_ms: number | null;
  /** JSON array of WebhookDeliveryAttempt, oldest first. */
  history: string;
  created_at: string;
  updated_at: string;
}

/** What `conversation.updated` last reported of a conversation (JSON of status, assignee, team, priority, tags). */
export interface WebhookConversationStateRow {
  conversation_id: string;
  workspace_id: string;
  state: string;
  updated_at: string;
}

/** The webhook tables, as `Database` (schema.ts) includes them. */
export interface WebhookTables {
  webhooks: WebhookRow;
  webhook_deliveries: WebhookDeliveryRow;
  webhook_conversation_states: WebhookConversationStateRow;
}
