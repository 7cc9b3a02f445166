/**
 * Admin REST for reports (DESIGN.md §2 `reports/*`). So far: CSAT from the
 * ratings visitors give conversations after close, over a date range.
 *
 * @example api.use('/reports', admin, reportRoutes(domain))
 */
import { Router } from 'express';
import { csatScore, dateRangeQuerySchema } from '../../../protocol/index.js';
import { type Domain, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function reportRoutes(domain: Domain): Router {
  const router = Router();

  router.get('/csat', async (req, res) => {
    const range = validate(dateRangeQuerySchema, req.query);
    let q = domain.db.selectFrom('conversations').select('rating').where('workspace_id', '=', principalOf(res).workspaceId).where('rating', 'is not', null);
    if (range.from) q = q.where('rated_at', '>=', range.from);
    if (range.to) q = q.where('rated_at', '<', range.to);
    const ratings = (await q.execute()).map((r) => Number(r.rating));
    const distribution: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const r of ratings) distribution[String(r)] = (distribution[String(r)] ?? 0) + 1;
    res.json({ ratings: ratings.length, csat: csatScore(ratings), distribution, from: range.from ?? null, to: range.to ?? null });
  });

  return router;
}
