/** The webhook part of the fake InboxApi: every call fails unless the test provides it. */
import type { WebhookApi } from '../api/webhook-endpoints.js';

export function unexpectedWebhookApi(unexpected: () => Promise<never>): WebhookApi {
  return {
    listWebhooks: unexpected,
    createWebhook: unexpected,
    updateWebhook: unexpected,
    deleteWebhook: unexpected,
    rotateWebhookSecret: unexpected,
    sendWebhookTest: unexpected,
    listWebhookDeliveries: unexpected,
    retryWebhookDelivery: unexpected,
  };
}
