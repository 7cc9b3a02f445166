/** Input of `POST /api/v1/api-tokens`. */
import { z } from 'zod';
import { API_TOKEN_SCOPES } from './scopes.js';

export const API_TOKEN_LIMITS = {
  name: 100,
  /** Tokens not revoked, per workspace. */
  active: 50,
} as const;

export const createApiTokenSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'give the token a name')
    .max(API_TOKEN_LIMITS.name, `at most ${API_TOKEN_LIMITS.name} characters`)
    .refine((s) => !/[\u0000-\u001F\u007F-\u009F]/.test(s), 'no control characters'),
  scopes: z
    .array(z.enum(API_TOKEN_SCOPES))
    .min(1, 'choose at least one scope')
    .max(API_TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'each scope at most once'),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
