import { Router } from 'express';
import { type Domain, toAgentProfile } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function agentRoutes(domain: Domain): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const rows = await domain.agents.list(principalOf(res).workspaceId);
    res.json({ data: rows.map(toAgentProfile), next_cursor: null });
  });
  return router;
}
