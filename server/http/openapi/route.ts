/**
 * `GET /api/v1/openapi.json`: public, built once on first request (the
 * registry is fixed at start) and served with CORS open so API tools on other
 * origins can load it.
 *
 * @example api.get('/openapi.json', openApiRoute())
 */
import type { RequestHandler } from 'express';
import { buildOpenApiDocument } from './document.js';

export function openApiRoute(): RequestHandler {
  let body: string | undefined;
  return (_req, res) => {
    body ??= JSON.stringify(buildOpenApiDocument());
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(body);
  };
}
