/**
 * The `privacy` part of `PATCH /api/v1/settings`. Its own file: the settings
 * schema imports it, and it imports nothing of protocol/schemas.ts (no cycle).
 */
import { z } from 'zod';
import { PRIVACY_LIMITS } from './settings.js';

/** A query parameter's name as it appears in a URL ("utm_source", "page", "filter[tag]"). */
const queryParamSchema = z
  .string()
  .trim()
  .min(1)
  .max(PRIVACY_LIMITS.queryParam)
  .regex(/^[\w.\-[\]]+$/, 'a query parameter name: letters, digits and _ . - [ ] only');

/** Days, or null to keep that kind of data. */
const windowSchema = z.number().int().min(1).max(PRIVACY_LIMITS.retentionDays).nullable().optional();

export const privacySettingsPatchSchema = z.strictObject({
  requireConsent: z.boolean().optional(),
  chatBeforeConsent: z.boolean().optional(),
  storeCountry: z.boolean().optional(),
  urlQueryAllowlist: z
    .array(queryParamSchema)
    .max(PRIVACY_LIMITS.queryParams)
    .transform((list) => [...new Set(list)])
    .optional(),
  retention: z
    .strictObject({ events: windowSchema, conversations: windowSchema, closedConversations: windowSchema, uploads: windowSchema })
    .optional(),
});
export type PrivacySettingsPatch = z.infer<typeof privacySettingsPatchSchema>;
