/**
 * Admin REST for automation rules (docs/automation.md): the ordered list
 * (the shared crudRoutes; a new `position` moves a rule), `PUT /order` for
 * the whole order at once, and `GET /:id/runs`, the rule's last 50 runs.
 * Read by any agent (the inbox shows what fired), written by admins.
 *
 * @example api.use('/automation-rules', admin, automationRuleRoutes(domain))
 */
import { Router } from 'express';
import { createAutomationRuleSchema, reorderAutomationRulesSchema, updateAutomationRuleSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';
import { requireAdmin } from './require-admin.js';

export function automationRuleRoutes(domain: Domain): Router {
  const router = Router();
  const { rules, runs } = domain.automation;
  const admins = requireAdmin('automation rules');

  router.put('/order', admins, async (req, res) => {
    const { ids } = validate(reorderAutomationRulesSchema, req.body);
    res.json({ data: await rules.reorder(principalOf(res).workspaceId, ids), next_cursor: null });
  });

  router.get('/:id/runs', async (req, res) => {
    const rule = await rules.get(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json({ data: await runs.list(rule.id), next_cursor: null });
  });

  router.use(crudRoutes(rules, { create: createAutomationRuleSchema, update: updateAutomationRuleSchema }, { write: admins }));
  return router;
}
