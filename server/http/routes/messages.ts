/**
 * Admin REST for in-app messages (DESIGN.md §2 `messages`): CRUD and stats.
 *
 * @example api.use('/messages', admin, messageRoutes(domain))
 */
import { Router } from 'express';
import { createMessageSchema, updateMessageSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, toInAppMessage, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function messageRoutes(domain: Domain): Router {
  const router = Router();
  const { campaigns, deliveries } = domain.inApp;

  router.get('/', async (_req, res) => {
    res.json({ data: (await campaigns.list(principalOf(res).workspaceId, 'message')).map(toInAppMessage), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const input = validate(createMessageSchema, req.body);
    res.status(201).json(toInAppMessage(await campaigns.create(principalOf(res).workspaceId, input)));
  });

  router.get('/:id', async (req, res) => {
    res.json(toInAppMessage(await campaigns.get(principalOf(res).workspaceId, idFromParams(req.params.id), 'message')));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(updateMessageSchema, req.body);
    res.json(toInAppMessage(await campaigns.update(principalOf(res).workspaceId, idFromParams(req.params.id), patch)));
  });

  router.delete('/:id', async (req, res) => {
    await campaigns.remove(principalOf(res).workspaceId, idFromParams(req.params.id), 'message');
    res.status(204).end();
  });

  router.get('/:id/stats', async (req, res) => {
    const message = await campaigns.get(principalOf(res).workspaceId, idFromParams(req.params.id), 'message');
    res.json(await deliveries.stats(message.id));
  });

  return router;
}
