/**
 * Admin REST for agents: the roster (role, capacity, presence, open
 * conversations), an admin's changes to an agent, and an agent's own presence.
 *
 * @example api.use('/agents', admin, agentRoutes(domain))
 */
import { Router } from 'express';
import { presenceInputSchema, updateAgentSchema } from '../../../protocol/index.js';
import { type AdminPrincipal, type Domain, ParleyError, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { requireAdmin } from './require-admin.js';

/** `me` stands for the signed-in agent; an API token is no agent. */
function agentIdOf(param: unknown, principal: AdminPrincipal): string {
  if (param !== 'me') return idFromParams(param);
  if (!principal.agent) throw new ParleyError('forbidden', 'an API token is not an agent');
  return principal.agent.id;
}

export function agentRoutes(domain: Domain): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ data: await domain.roster.list(principalOf(res).workspaceId), next_cursor: null });
  });

  router.get('/:id', async (req, res) => {
    const p = principalOf(res);
    res.json(await domain.roster.get(p.workspaceId, agentIdOf(req.params.id, p)));
  });

  router.patch('/me/presence', async (req, res) => {
    const p = principalOf(res);
    const { presence } = validate(presenceInputSchema, req.body);
    res.json(await domain.roster.setAway(p.workspaceId, agentIdOf('me', p), presence === 'away'));
  });

  router.patch('/:id', requireAdmin('agents'), async (req, res) => {
    const p = principalOf(res);
    const patch = validate(updateAgentSchema, req.body);
    res.json(await domain.roster.update(p.workspaceId, agentIdOf(req.params.id, p), patch));
  });

  return router;
}
