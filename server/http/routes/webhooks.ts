/**
 * Admin REST for webhooks (DESIGN.md §2 `webhooks`, docs/webhooks.md): the
 * subscriptions' CRUD (the shared crudRoutes), `POST /:id/rotate-secret`,
 * `POST /:id/test` (a `ping`, attempted at once), `GET /:id/deliveries` (the
 * log, newest first) and `POST /:id/deliveries/:deliveryId/retry`. Admins and
 * API tokens only, reads included: the log holds contacts' data and the URLs
 * may hold a receiver's token. The secret is in the answers of create and
 * rotate-secret, and nowhere else.
 *
 * @example api.use('/webhooks', admin, webhookRoutes(domain))
 */
import { type RequestHandler, Router } from 'express';
import { createWebhookSchema, listWebhookDeliveriesQuerySchema, updateWebhookSchema } from '../../../protocol/index.js';
import { actsAsAdmin, type Domain, idFromParams, ParleyError, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';

const adminsOnly: RequestHandler = (_req, res, next) => {
  if (!actsAsAdmin(principalOf(res))) return next(new ParleyError('forbidden', 'only admins can manage webhooks'));
  next();
};

export function webhookRoutes(domain: Domain): Router {
  const router = Router();
  const { webhooks } = domain;
  router.use(adminsOnly);

  router.post('/:id/rotate-secret', async (req, res) => {
    res.json(await webhooks.rotateSecret(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.post('/:id/test', async (req, res) => {
    res.json(await webhooks.sendTest(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.get('/:id/deliveries', async (req, res) => {
    const query = validate(listWebhookDeliveriesQuerySchema, req.query);
    res.json(await webhooks.deliveries(principalOf(res).workspaceId, idFromParams(req.params.id), query));
  });

  router.post('/:id/deliveries/:deliveryId/retry', async (req, res) => {
    res.json(await webhooks.retry(principalOf(res).workspaceId, idFromParams(req.params.id), idFromParams(req.params.deliveryId)));
  });

  router.use(crudRoutes(webhooks, { create: createWebhookSchema, update: updateWebhookSchema }));
  return router;
}
