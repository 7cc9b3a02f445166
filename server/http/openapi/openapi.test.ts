/**
 * The OpenAPI document against the app that serves it: every route mounted
 * under /api/v1 is documented with the same method and path (and nothing
 * documented is missing), the structure is valid OpenAPI 3.1 (every $ref
 * resolves, every path parameter is declared), and the server answers the
 * same document at /api/v1/openapi.json without credentials.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_SCOPES } from '../../../protocol/index.js';
import { readConfig } from '../../config.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createHttpApp } from '../app.js';
import { buildOpenApiDocument, mountedRoutes, type OpenApiDocument, toOpenApiPath } from './index.js';

let server: TestServer;
let doc: OpenApiDocument;
beforeAll(async () => {
  server = await startTestServer();
  doc = buildOpenApiDocument();
});
afterAll(() => server.stop());

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(): Array<{ path: string; method: string; op: Json }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );
}

/** Every `$ref` string anywhere in the document. */
function refs(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, into));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.push(value);
      else refs(value, into);
    }
  }
  return into;
}

function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

describe('OpenAPI document', () => {
  it('documents exactly the routes the app mounts under /api/v1', () => {
    const app = createHttpApp({
      config: readConfig({ PORT: '0', PUBLIC_URL: 'http://127.0.0.1', DATABASE_URL: 'sqlite::memory:' }),
      domain: server.domain,
      logger: pino({ level: 'silent' }),
      health: async () => ({ ok: true }),
    });
    const mounted = new Set(mountedRoutes(app).map((r) => `${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`));
    const documented = new Set(operations().map(({ method, path }) => `${method.toUpperCase()} ${path}`));
    // The walk itself works: routes of nested routers and of routers mounted without a path are found.
    expect(mounted).toContain('POST /conversations/{id}/messages');
    expect(mounted).toContain('PUT /conversations/{id}/tags');
    expect(mounted).toContain('POST /uploads');
    expect(mounted).toContain('GET /openapi.json');
    const undocumented = [...mounted].filter((r) => !documented.has(r));
    const notMounted = [...documented].filter((r) => !mounted.has(r));
    expect(undocumented, 'mounted but not in server/http/openapi/paths/').toEqual([]);
    expect(notMounted, 'documented but not mounted').toEqual([]);
  });

  it('is structurally valid OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const components = doc.components as { schemas: Json; securitySchemes: Json; responses: Json };

    const unresolved = [...new Set(refs(doc))].filter((ref) => resolve(ref) === undefined);
    expect(unresolved).toEqual([]);
    for (const [name, schema] of Object.entries(components.schemas)) {
      expect(Object.keys(schema as Json), name).not.toContain('$id');
      expect(JSON.stringify(schema), name).not.toContain('"$defs"');
    }

    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);

    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path, where).toMatch(/^\//);
      const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const params = (op.parameters as Json[] | undefined) ?? [];
      const declared = params.filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), where).toEqual(inTemplate);
      for (const p of declared) expect(p.required, where).toBe(true);
      const keys = params.map((p) => `${p.in}:${p.name}`);
      expect(new Set(keys).size, where).toBe(keys.length);
      for (const p of params) expect(['path', 'query', 'header', 'cookie'], where).toContain(p.in);

      const responses = op.responses as Json;
      expect(Object.keys(responses), where).toContain('default');
      expect(Object.keys(responses).some((code) => /^2\d\d$/.test(code)), where).toBe(true);
      for (const code of Object.keys(responses)) expect(code, where).toMatch(/^(default|[1-5]\d\d)$/);

      for (const requirement of op.security as Array<Record<string, string[]>>) {
        for (const [scheme, scopes] of Object.entries(requirement)) {
          expect(Object.keys(components.securitySchemes), where).toContain(scheme);
          if (scheme === 'apiToken') for (const s of scopes) expect(API_TOKEN_SCOPES, where).toContain(s);
        }
      }
      for (const tag of op.tags as string[]) expect((doc.tags as Json[]).map((t) => t.name), where).toContain(tag);
    }
  });

  it('carries the error and list shapes, and the scope of each admin operation', () => {
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    expect(schemas.Error).toMatchObject({ type: 'object', required: ['error'], properties: { error: { required: ['code', 'message'] } } });
    expect(schemas.ConversationPage).toMatchObject({
      required: ['data', 'next_cursor'],
      properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Conversation' } }, next_cursor: { type: ['string', 'null'] } },
    });
    const op = (path: string, method: string) => doc.paths[path][method] as Json;
    expect(op('/conversations', 'get').security).toEqual([{ apiToken: ['read'] }, { sessionCookie: [] }]);
    expect(op('/conversations/{id}/messages', 'post').security).toEqual([{ apiToken: ['write'] }, { sessionCookie: [], csrfToken: [] }]);
    expect(op('/settings', 'get')['x-required-scopes']).toEqual(['read', 'admin']);
    expect(op('/api-tokens', 'get')['x-required-scopes']).toEqual(['admin']);
    expect(op('/openapi.json', 'get').security).toEqual([]);
    // Request bodies are the zod schemas the routes validate with, as a client sends them.
    expect(schemas.CreateApiTokenRequest).toMatchObject({ required: ['name', 'scopes'], additionalProperties: false });
    expect(schemas.CreateSegmentRequest).toMatchObject({ properties: { rule: { $ref: '#/components/schemas/Rule' } } });
  });

  it('is served at /api/v1/openapi.json without credentials', async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
