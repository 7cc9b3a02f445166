/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the route registry
 * (paths/) and the zod schemas the routes validate with: nothing here is
 * written twice, so the document cannot drift from the code (openapi.test.ts
 * checks the registry against the mounted routes).
 *
 * @example res.json(buildOpenApiDocument())
 */
import { type JsonSchema, queryParameters, schemaComponents, schemaRef } from './json-schema.js';
import { ErrorDoc } from './models/shared.js';
import { ROUTE_DOCS } from './paths/index.js';
import type { Named, ResponseDoc, RouteDoc } from './route-doc.js';
import { requiredScopes, SECURITY_SCHEMES, securityOf } from './security.js';

export type OpenApiDocument = JsonSchema & { openapi: '3.1.0'; paths: Record<string, Record<string, JsonSchema>> };

/** `/conversations/:id/messages` → `/conversations/{id}/messages`. */
export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);

/** `post /conversations/:id/messages` → `postConversationsByIdMessages`. */
function operationId(route: RouteDoc): string {
  const words = route.path
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `By${part.slice(1)}` : part))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return route.method + words.join('');
}

const ERROR_RESPONSES = {
  BadRequest: 'The request is malformed or fails validation (`validation_failed` names the first bad field).',
  Unauthorized: 'No valid credentials: a missing, wrong, garbled or revoked token, or no session.',
  Forbidden: 'Authenticated but not allowed: a token without the scope, an agent without the admin role, or a missing CSRF token.',
  NotFound: 'No such object (someone else’s object answers exactly the same).',
  Error: 'Any other error, with its code.',
} as const;

const errorRef = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

function response(doc: ResponseDoc): JsonSchema {
  const headers = doc.headers
    ? { headers: Object.fromEntries(Object.entries(doc.headers).map(([name, value]) => [name, { description: `\`${value}\``, schema: { type: 'string', const: value } }])) }
    : {};
  if (doc.body) return { description: doc.description, ...headers, content: { 'application/json': { schema: { $ref: schemaRef(doc.body.name) } } } };
  if (doc.raw) return { description: doc.description, ...headers, content: { [doc.raw]: { schema: { type: 'string' } } } };
  return { description: doc.description, ...headers };
}

function operation(route: RouteDoc): JsonSchema {
  const params = pathParams(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    description: route.request?.params?.[name] ?? name,
    schema: { type: 'string', maxLength: 64 },
  }));
  const query = route.request?.query ? queryParameters(route.request.query) : [];
  const body = route.request?.body;
  const raw = route.request?.rawBody;
  // The widget's endpoints also take JSON sent as text/plain (no CORS preflight).
  const mediaTypes = route.path.startsWith('/widget/') ? ['application/json', 'text/plain'] : ['application/json'];
  const requestBody = body
    ? { required: true, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { $ref: schemaRef(body.name) } }])) }
    : raw
      ? { required: true, description: raw.description, content: { [raw.mediaType]: {} } }
      : undefined;
  const responses: JsonSchema = Object.fromEntries(Object.entries(route.responses).map(([status, doc]) => [status, response(doc)]));
  if (body || query.length > 0) responses[400] = errorRef('BadRequest');
  if (route.auth !== 'public') responses[401] = errorRef('Unauthorized');
  if (route.auth === 'admin') responses[403] = errorRef('Forbidden');
  if (params.length > 0) responses[404] = errorRef('NotFound');
  responses.default = errorRef('Error');
  const scopes = requiredScopes(route);
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    security: securityOf(route),
    ...(scopes ? { 'x-required-scopes': scopes } : {}),
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly RouteDoc[] = ROUTE_DOCS): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const item = (paths[path] ??= {});
    if (item[route.method]) throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${route.path} is documented twice`);
    item[route.method] = operation(route);
  }
  const requests: Named[] = routes.flatMap((r) => (r.request?.body ? [r.request.body] : []));
  const responses: Named[] = [ErrorDoc, ...routes.flatMap((r) => Object.values(r.responses).flatMap((doc) => (doc.body ? [doc.body] : [])))];
  const tags = [...new Set(routes.flatMap((r) => r.tags))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley REST API',
      version: '1.0.0',
      description:
        'The admin side of Parley (`Authorization: Bearer <API token>`) and the endpoints the widget and the inbox use. Errors are `{ "error": { "code", "message" } }`; lists are `{ "data": [...], "next_cursor" }`. Guide: docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    tags,
    paths,
    components: {
      schemas: schemaComponents(requests, responses),
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, description]) => [name, { description, content: { 'application/json': { schema: { $ref: schemaRef(ErrorDoc.name) } } } }]),
      ),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
