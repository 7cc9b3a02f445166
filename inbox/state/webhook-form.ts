/**
 * The webhook form's model and the words the webhook settings use: the draft
 * as typed, what is wrong with it (the server's own rules, checked before
 * sending; where the URL points is the server's check), the PATCH of what an
 * edit changed, and how a delivery's outcome reads.
 */
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookDelivery, type WebhookEventType } from '../../protocol/webhooks/models.js';
import type { CreateWebhookRequest, UpdateWebhookRequest } from '../api/webhook-endpoints.js';

/** Mirrors WEBHOOK_LIMITS in protocol/webhooks/schemas.ts (a value import there would bundle zod). */
export const WEBHOOK_FORM_LIMITS = { url: 2_048, description: 200 } as const;

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'conversation.created': 'Conversation started',
  'conversation.updated': 'Conversation changed (status, assignee, team, priority, tags)',
  'conversation.closed': 'Conversation closed',
  'message.created': 'New message (visitor, agent or bot; never internal notes)',
  'contact.created': 'Contact created',
  'contact.updated': 'Contact updated',
  'survey.response': 'Survey answered',
  'tour.completed': 'Tour completed',
};

export const WEBHOOK_EVENTS: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES;

export interface WebhookDraft {
  url: string;
  events: WebhookEventType[];
  description: string;
}

export type WebhookField = keyof WebhookDraft;

export const EMPTY_WEBHOOK_DRAFT: WebhookDraft = { url: '', events: [], description: '' };

export function webhookDraftOf(hook: Webhook): WebhookDraft {
  return { url: hook.url, events: [...hook.events], description: hook.description ?? '' };
}

/** Adds or removes an event, keeping the list in the order the form shows them. */
export function toggleEvent(events: readonly WebhookEventType[], event: WebhookEventType, on: boolean): WebhookEventType[] {
  const chosen = new Set(events);
  if (on) chosen.add(event);
  else chosen.delete(event);
  return WEBHOOK_EVENTS.filter((e) => chosen.has(e));
}

/** What each field needs before the draft can be saved; empty when it can. */
export function webhookProblems(draft: WebhookDraft): Partial<Record<WebhookField, string>> {
  const problems: Partial<Record<WebhookField, string>> = {};
  const url = draft.url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!url) problems.url = 'Enter the URL of your endpoint.';
  else if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) problems.url = 'Use an https:// (or http://) URL.';
  else if (parsed.username || parsed.password) problems.url = 'Leave the user name and password out: check the Parley-Signature header instead.';
  else if (url.length > WEBHOOK_FORM_LIMITS.url) problems.url = `At most ${WEBHOOK_FORM_LIMITS.url.toLocaleString()} characters.`;
  if (draft.events.length === 0) problems.events = 'Choose at least one event.';
  if (draft.description.trim().length > WEBHOOK_FORM_LIMITS.description) problems.description = `At most ${WEBHOOK_FORM_LIMITS.description} characters.`;
  return problems;
}

export function toCreateWebhook(draft: WebhookDraft): CreateWebhookRequest {
  return { url: draft.url.trim(), events: draft.events, description: draft.description.trim() || null };
}

/** Only what changed. */
export function toUpdateWebhook(hook: Webhook, draft: WebhookDraft): UpdateWebhookRequest {
  const patch: UpdateWebhookRequest = {};
  if (draft.url.trim() !== hook.url) patch.url = draft.url.trim();
  if (draft.events.join() !== hook.events.join()) patch.events = draft.events;
  if ((draft.description.trim() || null) !== hook.description) patch.description = draft.description.trim() || null;
  return patch;
}

/** "HTTP 200 in 84 ms", "HTTP 500", "connection reset", or "not tried yet". */
export function describeOutcome(d: Pick<WebhookDelivery, 'last_status_code' | 'last_error' | 'last_response_ms' | 'attempts'>): string {
  if (d.attempts === 0) return 'not tried yet';
  const time = d.last_response_ms !== null && d.last_status_code !== null ? ` in ${d.last_response_ms} ms` : '';
  if (d.last_status_code !== null) return `HTTP ${d.last_status_code}${time}`;
  return d.last_error ?? 'failed';
}

/** Delivered, Failed, Retrying (after a failed attempt) or Queued (none yet). */
export function deliveryStatusLabel(d: Pick<WebhookDelivery, 'status' | 'attempts'>): string {
  if (d.status === 'succeeded') return 'Delivered';
  if (d.status === 'failed') return 'Failed';
  return d.attempts === 0 ? 'Queued' : 'Retrying';
}

/** What the "Send test" button reports. */
export function describeTest(d: WebhookDelivery): string {
  return d.status === 'succeeded' ? `Test delivered: ${describeOutcome(d)}.` : `Test not delivered: ${describeOutcome(d)}. Parley will try again.`;
}

/** The subscription's state in a word or two. */
export function webhookStateLabel(hook: Pick<Webhook, 'enabled' | 'disabled_reason'>): string {
  if (hook.enabled) return 'Enabled';
  return hook.disabled_reason === 'failing' ? 'Disabled: kept failing' : 'Disabled';
}
