/** Webhooks (docs/webhooks.md): subscriptions, the outbox, the delivery runner and worker, the SSRF guard. */
export { type AddressRange, classifyAddress, type LookupAll, resolveTarget, type ResolvedTarget, systemLookup, TargetRefused } from './address-guard.js';
export { exponentialBackoff, MAX_ATTEMPTS, RETRY_SCHEDULE_MS, type RetryDelay } from './backoff.js';
export { ConversationStates } from './conversation-states.js';
export { ATTEMPT_TIMEOUT_MS, DeliveryRunner, type DeliveryRunnerOptions } from './delivery-runner.js';
export { CONVERSATION_CHANGE_TYPES, startWebhookEvents, type WebhookEvents } from './events.js';
export { toWebhook, toWebhookDelivery } from './mappers.js';
export { DeliveryOutbox } from './outbox.js';
export { newWebhookSecret, signatureHeader } from './signature.js';
export { WebhookSubscriptions } from './subscriptions.js';
export { Webhooks, type WebhookOptions } from './webhooks.js';
export { startWebhookWorker, WEBHOOK_SCAN_MS, type WebhookWorkerOptions } from './worker.js';
