/** `/api-tokens`: the workspace's API tokens (routes/api-tokens.ts). */
import { createApiTokenSchema } from '../../../../protocol/index.js';
import { ApiTokenDoc, CreatedApiTokenDoc } from '../models/workspace.js';
import { json, named, noContent, pageOf, type RouteDoc } from '../route-doc.js';

const tags = ['API tokens'];
const adminsOnly = 'Admins only: an admin agent, or a token with the `admin` scope (which cannot grant scopes it lacks itself).';

export const apiTokenDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api-tokens',
    summary: 'List API tokens',
    description: `${adminsOnly} Newest first, revoked ones included; never a token's value or hash.`,
    tags,
    auth: 'admin',
    responses: { 200: json('Every token of the workspace', pageOf(ApiTokenDoc)) },
  },
  {
    method: 'post',
    path: '/api-tokens',
    summary: 'Create an API token',
    description: `${adminsOnly} The answer carries the value (\`token\`) this once: store it now.`,
    tags,
    auth: 'admin',
    request: { body: named('CreateApiTokenRequest', createApiTokenSchema) },
    responses: { 201: { ...json('The token and its value', CreatedApiTokenDoc), headers: { 'Cache-Control': 'no-store' } } },
  },
  {
    method: 'delete',
    path: '/api-tokens/:id',
    summary: 'Revoke an API token',
    description: `${adminsOnly} The token answers 401 from the next request on. Revoking twice is no error.`,
    tags,
    auth: 'admin',
    request: { params: { id: 'The token’s id (not its value)' } },
    responses: { 204: noContent },
  },
];
