/**
 * Admin REST for reports (DESIGN.md §2 `reports/*`): CSAT from the ratings
 * visitors give conversations after close, over a date range; and the
 * conversation report (volumes, first response, resolution, FCR, CSAT, by day,
 * busiest hours, per agent and team) with its CSV, one row per conversation;
 * and the topics visitors ask about most (clusters of first messages).
 *
 * @example api.use('/reports', admin, reportRoutes(domain))
 */
import { Router } from 'express';
import { conversationReportQuerySchema, csatScore, dateRangeQuerySchema, topicsQuerySchema } from '../../../protocol/index.js';
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

  router.get('/conversations', async (req, res) => {
    const query = validate(conversationReportQuerySchema, req.query);
    res.json(await domain.reports.report(principalOf(res).workspaceId, query));
  });

  router.get('/conversations.csv', async (req, res) => {
    const query = validate(conversationReportQuerySchema, req.query);
    const csv = await domain.reports.csv(principalOf(res).workspaceId, query);
    res.type('text/csv; charset=utf-8').attachment('conversations.csv').send(csv);
  });

  router.get('/topics', async (req, res) => {
    const query = validate(topicsQuerySchema, req.query);
    res.json(await domain.topics.report(principalOf(res).workspaceId, query));
  });

  return router;
}
