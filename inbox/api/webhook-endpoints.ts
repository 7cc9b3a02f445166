/**
 * The webhook endpoints (docs/webhooks.md): subscriptions, their secret
 * (answered by create and rotate only), the test ping, and the delivery log
 * with retry. Part of `InboxApi`; admins only on the server.
 */
import type { z } from 'zod';
import type { Page, Webhook, WebhookDelivery, WebhookWithSecret, createWebhookSchema, updateWebhookSchema } from '../../protocol/index.js';
import type { HttpClient } from './http.js';

export type CreateWebhookRequest = z.input<typeof createWebhookSchema>;
export type UpdateWebhookRequest = z.input<typeof updateWebhookSchema>;

/** Rows of the delivery log per page. */
export const WEBHOOK_DELIVERY_PAGE_SIZE = 20;

export interface WebhookApi {
  listWebhooks(): Promise<Page<Webhook>>;
  /** The answer carries the signing secret: show it once. */
  createWebhook(input: CreateWebhookRequest): Promise<WebhookWithSecret>;
  updateWebhook(id: string, patch: UpdateWebhookRequest): Promise<Webhook>;
  deleteWebhook(id: string): Promise<void>;
  /** A new secret at once; the old one no longer signs. */
  rotateWebhookSecret(id: string): Promise<WebhookWithSecret>;
  /** A `ping`, attempted while the request waits: the answer is its delivery. */
  sendWebhookTest(id: string): Promise<WebhookDelivery>;
  listWebhookDeliveries(id: string, cursor?: string | null): Promise<Page<WebhookDelivery>>;
  retryWebhookDelivery(id: string, deliveryId: string): Promise<WebhookDelivery>;
}

export function createWebhookApi(http: HttpClient): WebhookApi {
  const id = encodeURIComponent;
  return {
    listWebhooks: () => http.get('/webhooks'),
    createWebhook: (input) => http.post('/webhooks', input),
    updateWebhook: (hookId, patch) => http.patch(`/webhooks/${id(hookId)}`, patch),
    deleteWebhook: (hookId) => http.delete(`/webhooks/${id(hookId)}`),
    rotateWebhookSecret: (hookId) => http.post(`/webhooks/${id(hookId)}/rotate-secret`),
    sendWebhookTest: (hookId) => http.post(`/webhooks/${id(hookId)}/test`),
    listWebhookDeliveries: (hookId, cursor) => http.get(`/webhooks/${id(hookId)}/deliveries`, { query: { limit: WEBHOOK_DELIVERY_PAGE_SIZE, cursor } }),
    retryWebhookDelivery: (hookId, deliveryId) => http.post(`/webhooks/${id(hookId)}/deliveries/${id(deliveryId)}/retry`),
  };
}
