/**
 * Admin REST for API tokens (docs/api.md "Authentication"): list, create
 * (the value is in this one answer, never again) and revoke. Admins only: an
 * agent with the admin role, or a token with the `admin` scope (adminAuth
 * checks the scope; a token cannot grant scopes it lacks itself).
 *
 * @example api.use('/api-tokens', admin, apiTokenRoutes(domain))
 */
import { type RequestHandler, Router } from 'express';
import { createApiTokenSchema } from '../../../protocol/index.js';
import { actsAsAdmin, auditActorOf, type Domain, idFromParams, ParleyError, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

const onlyAdmins: RequestHandler = (_req, res, next) => {
  const p = principalOf(res);
  const admin = p.token ? p.token.scopes.includes('admin') : actsAsAdmin(p);
  next(admin ? undefined : new ParleyError('forbidden', 'only admins can manage API tokens'));
};

export function apiTokenRoutes(domain: Domain): Router {
  const router = Router();
  router.use(onlyAdmins);

  router.get('/', async (_req, res) => {
    res.json({ data: await domain.apiTokens.list(principalOf(res).workspaceId), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const p = principalOf(res);
    const input = validate(createApiTokenSchema, req.body);
    const missing = p.token ? input.scopes.filter((s) => !p.token?.scopes.includes(s)) : [];
    if (missing.length > 0) throw new ParleyError('forbidden', `an API token cannot grant scopes it lacks: ${missing.join(', ')}`);
    const created = await domain.apiTokens.create(p.workspaceId, input, p.agent?.id ?? p.token?.id ?? null);
    await domain.audit.record({ workspaceId: p.workspaceId, actor: auditActorOf(p), action: 'api_token.created', target: { type: 'api_token', id: created.id }, details: { scopes: [...input.scopes] } });
    // The secret is in this answer only: no cache may keep it.
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(created);
  });

  router.delete('/:id', async (req, res) => {
    const p = principalOf(res);
    const id = idFromParams(req.params.id);
    await domain.apiTokens.revoke(p.workspaceId, id);
    await domain.audit.record({ workspaceId: p.workspaceId, actor: auditActorOf(p), action: 'api_token.revoked', target: { type: 'api_token', id } });
    res.status(204).end();
  });

  return router;
}
