/**
 * Admin REST for product tours (DESIGN.md §2 `tours`): CRUD, the drop-off
 * funnel (`/:id/stats`), and authoring tokens for the element picker
 * (`POST /picker`: the inbox opens the team's site with one).
 *
 * @example api.use('/tours', admin, tourRoutes(domain))
 */
import { Router } from 'express';
import { z } from 'zod';
import { createTourSchema, updateTourSchema } from '../../../protocol/index.js';
import { type Domain, ParleyError, idFromParams, isOriginAllowed, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';

export const pickerRequestSchema = z.strictObject({
  url: z
    .string()
    .max(2_000)
    .refine((u) => /^https?:\/\/[^\s#]+$/i.test(u), 'an http(s) page of your site, without a #fragment'),
});

export function tourRoutes(domain: Domain): Router {
  const router = Router();
  const { tours, tourRuns, inApp, pickerTokens } = domain;

  router.post('/picker', async (req, res) => {
    const { url } = validate(pickerRequestSchema, req.body);
    const p = principalOf(res);
    const ws = await domain.workspaces.byId(p.workspaceId);
    const origin = new URL(url).origin;
    // Only a site the widget is allowed on can run the picker: say so now, not after a silent nothing.
    if (!isOriginAllowed(ws.allowedOrigins, origin)) throw new ParleyError('validation_failed', `url: ${origin} is not one of this workspace's allowed origins`);
    const { token, expiresAt } = await pickerTokens.issue(p.workspaceId, p.agent?.id ?? null);
    res.status(201).json({ url: `${url}#parley-picker=${token}`, expires_at: expiresAt });
  });

  router.get('/:id/stats', async (req, res) => {
    const tour = await inApp.campaigns.get(principalOf(res).workspaceId, idFromParams(req.params.id), 'tour');
    res.json(await tourRuns.stats(tour));
  });

  router.use(crudRoutes(tours, { create: createTourSchema, update: updateTourSchema }));
  return router;
}
