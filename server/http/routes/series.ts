/**
 * Admin REST for series (DESIGN.md §2 `series`): CRUD and per-step counts.
 *
 * @example api.use('/series', admin, seriesRoutes(domain))
 */
import { Router } from 'express';
import { createSeriesSchema, updateSeriesSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';

export function seriesRoutes(domain: Domain): Router {
  const router = Router();
  const { store } = domain.series;

  router.get('/:id/stats', async (req, res) => {
    const series = await store.get(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json(await domain.series.stats(series));
  });

  router.use(crudRoutes(store, { create: createSeriesSchema, update: updateSeriesSchema }));
  return router;
}
