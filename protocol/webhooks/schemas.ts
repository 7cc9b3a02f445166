/**
 * Input schemas of `/api/v1/webhooks`. The URL's shape is checked here (http
 * or https, no credentials, bounded); where it points (no private address) is
 * the server's check, at save and at every delivery (domain/webhooks/address-guard.ts).
 */
import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from './models.js';

export const WEBHOOK_LIMITS = {
  url: 2_048,
  description: 200,
  /** Subscriptions per workspace. */
  perWorkspace: 20,
} as const;

/** http(s) only; credentials in the URL would be shown back in the list and the logs: use the signature instead. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(WEBHOOK_LIMITS.url, `at most ${WEBHOOK_LIMITS.url} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.username === '' && url.password === '';
    } catch {
      return true;
    }
  }, 'must not contain a user name or password (verify the Parley-Signature header instead)');

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

const eventsSchema = z
  .array(webhookEventTypeSchema)
  .min(1, 'choose at least one event')
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

const descriptionSchema = z
  .string()
  .trim()
  .max(WEBHOOK_LIMITS.description, `at most ${WEBHOOK_LIMITS.description} characters`)
  .refine((s) => !/[\u0000-\u001F\u007F-\u009F]/.test(s), 'no control characters')
  .transform((s) => s || null);

export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  events: eventsSchema,
  description: descriptionSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const updateWebhookSchema = z.strictObject({
  url: webhookUrlSchema.optional(),
  events: eventsSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const listWebhookDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});

export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;
export type ListWebhookDeliveriesQuery = z.infer<typeof listWebhookDeliveriesQuerySchema>;
