/**
 * Admin REST for series (DESIGN.md §2 `series`): CRUD and per-step counts.
 *
 * @example api.use('/series', admin, seriesRoutes(domain))
 */
import { Router } from 'express';
import { createSeriesSchema, updateSeriesSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function seriesRoutes(domain: Domain): Router {
  const router = Router();
  const { store } = domain.series;

  router.get('/', async (_req, res) => {
    res.json({ data: await store.list(principalOf(res).workspaceId), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const input = validate(createSeriesSchema, req.body);
    res.status(201).json(await store.create(principalOf(res).workspaceId, input));
  });

  router.get('/:id', async (req, res) => {
    res.json(await store.get(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(updateSeriesSchema, req.body);
    res.json(await store.update(principalOf(res).workspaceId, idFromParams(req.params.id), patch));
  });

  router.delete('/:id', async (req, res) => {
    await store.remove(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.status(204).end();
  });

  router.get('/:id/stats', async (req, res) => {
    const series = await store.get(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json(await domain.series.stats(series));
  });

  return router;
}
