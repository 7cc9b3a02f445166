/** `/webhooks`: subscriptions, their secret, test pings and the delivery log (routes/webhooks.ts, docs/webhooks.md). */
import { z } from 'zod';
import type { Webhook } from '../../../../protocol/index.js';
import { createWebhookSchema, listWebhookDeliveriesQuerySchema, updateWebhookSchema, WEBHOOK_EVENT_TYPES } from '../../../../protocol/index.js';
import { isoTime, model } from '../model.js';
import { objectDoc } from '../models/shared.js';
import { json, named, pageOf, type RouteDoc } from '../route-doc.js';
import { crudDocs } from './crud.js';

const webhookShape = {
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabled_reason: z.literal('failing').nullable(),
  failing_since: z.string().nullable(),
  created_at: isoTime(),
  updated_at: isoTime(),
};
const WebhookDoc = named('Webhook', model<Webhook>()(webhookShape, 'A subscription. Its signing secret is never here.'));
const WebhookWithSecretDoc = named(
  'WebhookWithSecret',
  z.object({ ...webhookShape, secret: z.string().describe('The signing secret: shown by create and rotate-secret only') }),
);
const DeliveryDoc = objectDoc(
  'WebhookDelivery',
  'One event for one subscription: `{ id, webhook_id, event_id, event_type, status: pending|succeeded|failed, attempts, next_attempt_at, last_attempt_at, last_status_code, last_error, last_response_ms, history: [...], payload, created_at, updated_at }`.',
);

const tags = ['Webhooks'];
const adminsOnly = 'Admins only (a token needs the `admin` scope, reads included).';
const params = { id: 'The webhook’s id' };

export const webhookDocs: RouteDoc[] = [
  ...crudDocs({
    base: '/webhooks',
    tag: 'Webhooks',
    thing: 'webhook',
    item: WebhookDoc,
    created: WebhookWithSecretDoc,
    create: named('CreateWebhookRequest', createWebhookSchema),
    update: named('UpdateWebhookRequest', updateWebhookSchema),
    writeNote: adminsOnly,
  }),
  {
    method: 'post',
    path: '/webhooks/:id/rotate-secret',
    summary: 'Rotate the signing secret',
    description: adminsOnly,
    tags,
    auth: 'admin',
    request: { params },
    responses: { 200: json('The webhook with its new secret', WebhookWithSecretDoc) },
  },
  {
    method: 'post',
    path: '/webhooks/:id/test',
    summary: 'Send a test ping',
    description: `${adminsOnly} Attempted at once.`,
    tags,
    auth: 'admin',
    request: { params },
    responses: { 200: json('The ping’s delivery', DeliveryDoc) },
  },
  {
    method: 'get',
    path: '/webhooks/:id/deliveries',
    summary: 'The delivery log',
    description: `${adminsOnly} Newest first.`,
    tags,
    auth: 'admin',
    request: { params, query: listWebhookDeliveriesQuerySchema },
    responses: { 200: json('One page of deliveries', pageOf(DeliveryDoc)) },
  },
  {
    method: 'post',
    path: '/webhooks/:id/deliveries/:deliveryId/retry',
    summary: 'Retry a delivery now',
    description: adminsOnly,
    tags,
    auth: 'admin',
    request: { params: { ...params, deliveryId: 'The delivery’s id' } },
    responses: { 200: json('The delivery after the attempt', DeliveryDoc) },
  },
];
