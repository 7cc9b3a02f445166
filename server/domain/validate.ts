import type { z } from 'zod';
import { ParleyError } from './errors.js';

/** zod → typed value, or a `validation_failed` error naming the first bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'input';
  throw new ParleyError('validation_failed', `${where}: ${issue?.message ?? 'invalid'}`);
}

/** Route ids are bounded strings; anything else is a 404 like any unknown id. */
export function idFromParams(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) throw new ParleyError('not_found', 'not found');
  return value;
}
