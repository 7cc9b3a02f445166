/**
 * Admin REST for saved views (`/views`): an agent's own views plus the
 * workspace's shared ones. Only a view's owner or an admin changes it.
 *
 * @example api.use('/views', admin, viewRoutes(domain))
 */
import { Router } from 'express';
import { createSavedViewSchema, updateSavedViewSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function viewRoutes(domain: Domain): Router {
  const router = Router();
  const { views } = domain;

  router.get('/', async (_req, res) => {
    res.json({ data: await views.list(principalOf(res)), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const input = validate(createSavedViewSchema, req.body);
    res.status(201).json(await views.create(principalOf(res), input));
  });

  router.get('/:id', async (req, res) => {
    res.json(await views.get(principalOf(res), idFromParams(req.params.id)));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(updateSavedViewSchema, req.body);
    res.json(await views.update(principalOf(res), idFromParams(req.params.id), patch));
  });

  router.delete('/:id', async (req, res) => {
    await views.remove(principalOf(res), idFromParams(req.params.id));
    res.status(204).end();
  });

  return router;
}
