/**
 * The route registry's entry: one documented operation, written next to its
 * group in paths/*.ts with the zod schemas the route validates with, so the
 * OpenAPI document is generated from the same schemas (document.ts).
 *
 * @example
 * const teams: RouteDoc[] = [
 *   { method: 'post', path: '/teams', summary: 'Create a team', tags: ['Teams'], auth: 'admin',
 *     request: { body: named('CreateTeamRequest', createTeamSchema) }, responses: { 201: json('The team', TeamDoc) } },
 * ];
 */
import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call: `admin` — an API token (scopes per protocol/api-tokens/scopes.ts)
 * or an agent's cookie session (+ CSRF on writes); `session` — the agent's cookie
 * only; `visitor` — the widget's visitor token; `public` — no credentials.
 */
export type RouteAuth = 'admin' | 'session' | 'visitor' | 'public';

/**
 * A zod schema with its component name (`#/components/schemas/<name>`).
 * `includes`: the named schemas used inside it, so they become components too
 * (and are referenced, not repeated).
 */
export interface Named<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
  readonly includes?: readonly Named[];
}

export interface ResponseDoc {
  description: string;
  /** JSON body; absent for 204 and for `raw` bodies. */
  body?: Named;
  /** A non-JSON body: its media type (`text/csv`, `application/octet-stream`). */
  raw?: string;
  /** Response headers worth knowing (`Cache-Control: no-store` on secrets). */
  headers?: Record<string, string>;
}

export interface RouteDoc {
  method: HttpMethod;
  /** Under `/api/v1`, in Express syntax: `/conversations/:id/messages`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: RouteAuth;
  request?: {
    /** Descriptions of path parameters (every `:name` is declared either way). */
    params?: Record<string, string>;
    /** An object schema: each property becomes a query parameter. */
    query?: z.ZodType;
    body?: Named;
    /** A non-JSON request body (uploads): its media type and what it is. */
    rawBody?: { mediaType: string; description: string };
  };
  responses: Record<number, ResponseDoc>;
}

export function named<S extends z.ZodType>(name: string, schema: S, includes: readonly Named[] = []): Named<S> {
  return { name, schema, includes };
}

const pages = new WeakMap<Named, Named>();

/**
 * The list shape of DESIGN.md §2: `{ data: [...], next_cursor }`, named
 * `<Item>Page`; the same item always gives the same page (one component).
 * `extra` keys make a page of its own, so it needs its own `name`.
 */
export function pageOf(item: Named, extra?: Record<string, z.ZodType>, name = `${item.name}Page`): Named {
  const known = extra ? undefined : pages.get(item);
  if (known) return known;
  const page = named(
    name,
    z.object({
      data: z.array(item.schema),
      next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
      ...extra,
    }),
    [item],
  );
  if (!extra) pages.set(item, page);
  return page;
}

export function json(description: string, body: Named): ResponseDoc {
  return { description, body };
}

export const noContent: ResponseDoc = { description: 'Done; no body.' };
