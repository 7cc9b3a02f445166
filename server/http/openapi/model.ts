/**
 * Response shapes for the document where the wire type is a TypeScript
 * interface, not a zod schema: written as zod, checked by tsc against the
 * interface (every key present, each of a compatible type, no key the type
 * lacks), so a changed model breaks the build instead of the docs drifting.
 *
 * @example const TeamDoc = named('Team', model<Team>()({ id: z.string(), … }))
 */
import { z } from 'zod';

type Shape<T> = { [K in keyof T]-?: z.ZodType<T[K]> };

export function model<T>() {
  return <S extends Shape<T>>(shape: S & { [K in Exclude<keyof S, keyof T>]: never }, description?: string) => {
    const schema = z.object(shape as S);
    return description ? schema.describe(description) : schema;
  };
}

/** A nested part documented in words only (its type is T; its keys are in the description). */
export function opaque<T>(description: string): z.ZodType<T> {
  return z.looseObject({}).describe(description) as unknown as z.ZodType<T>;
}

export const isoTime = () => z.string().describe('ISO 8601 time');
