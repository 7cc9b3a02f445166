/**
 * `GET /api/v1/audit-log`: the workspace's audit log, newest first, for admins
 * (an agent with the admin role, or an API token with the `admin` scope).
 * Filters: `action`, `actor_id`, `target_id`, `since`, `until`; paging with
 * `limit` and `cursor` (`{ data, next_cursor }`). Read-only: there is no route
 * that changes or removes an entry.
 *
 * @example api.use('/audit-log', admin, auditLogRoutes(domain))
 */
import { Router } from 'express';
import { auditLogQuerySchema } from '../../../protocol/index.js';
import { actsAsAdmin, type Domain, ParleyError, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function auditLogRoutes(domain: Domain): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const p = principalOf(res);
    const admin = p.token ? p.token.scopes.includes('admin') : actsAsAdmin(p);
    if (!admin) throw new ParleyError('forbidden', 'only admins can read the audit log');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await domain.audit.list(p.workspaceId, validate(auditLogQuerySchema, req.query)));
  });

  return router;
}
