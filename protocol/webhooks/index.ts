/** Webhooks: subscriptions, event payloads, the delivery log and their input schemas. */
export * from './models.js';
export * from './schemas.js';
