/**
 * Shapes every part of the document uses: the error body, the targeting rule
 * (protocol's recursive schema), and small answers written inline elsewhere.
 */
import { z } from 'zod';
import { ERROR_STATUS, ruleSchema } from '../../../../protocol/index.js';
import { type Named, named } from '../route-doc.js';

const ERROR_CODES = Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]];

export const ErrorDoc = named(
  'Error',
  z.object({
    error: z.object({
      code: z.enum(ERROR_CODES).describe('Stable: switch on it'),
      message: z.string().describe('For people: may change'),
    }),
  }),
);

/**
 * A targeting rule (DESIGN.md §4). `ruleSchema` checks the size of the raw
 * JSON before its structure (a pipe from `unknown`), so the component is its
 * structural half; document.ts points every use of `ruleSchema` here.
 */
export const RuleDoc = named('Rule', ruleSchema.out);

/** `{ count }`. */
export const CountDoc = named('Count', z.object({ count: z.number().int() }));

/** An object documented in words: its keys in `description`. */
export function objectDoc(name: string, description: string): Named {
  return named(name, z.looseObject({}).describe(description));
}
