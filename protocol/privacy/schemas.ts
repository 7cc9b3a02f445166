/**
 * Input schemas of the privacy features: the audit log's query, a contact
 * edit, the export's format and the visitor's own export request (the
 * settings patch is in settings-schema.ts). Every limit here is enforced
 * before the domain sees the input.
 */
import { z } from 'zod';
import { traitsSchema } from '../schemas.js';
import { AUDIT_ACTIONS } from './audit.js';

const isoTime = z.iso.datetime({ offset: true });

export const auditLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor_id: z.string().min(1).max(64).optional(),
  target_id: z.string().min(1).max(64).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

/** `PATCH /api/v1/contacts/:id`: fields given change; a trait set to null is removed. */
export const contactUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    traits: traitsSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

/** `POST /api/v1/widget/export`: the visitor's token proves who asks. */
export const widgetExportRequestSchema = z.object({ token: z.string().min(1).max(2_000) });

/** `GET /api/v1/contacts/:id/export?format=csv` gives the zip of CSV files. */
export const contactExportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });
