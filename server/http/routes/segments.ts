/**
 * Admin REST for saved segments (DESIGN.md §2 `segments`): CRUD, the live count
 * and contact list of a segment, and a preview of an unsaved rule (the editor's
 * live count).
 *
 * @example api.use('/segments', admin, segmentRoutes(domain))
 */
import { Router } from 'express';
import { createSegmentSchema, pageQuerySchema, previewSegmentSchema, updateSegmentSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, toContactProfile, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

const SAMPLE = 20;

export function segmentRoutes(domain: Domain): Router {
  const router = Router();
  const { segments, audiences } = domain;

  router.get('/', async (_req, res) => {
    res.json({ data: await segments.list(principalOf(res).workspaceId), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const input = validate(createSegmentSchema, req.body);
    res.status(201).json(await segments.create(principalOf(res).workspaceId, input));
  });

  router.post('/preview', async (req, res) => {
    const { rule } = validate(previewSegmentSchema, req.body);
    const workspaceId = principalOf(res).workspaceId;
    const sample: ReturnType<typeof toContactProfile>[] = [];
    let count = 0;
    await audiences.scan(workspaceId, rule, (row) => {
      count += 1;
      if (sample.length < SAMPLE) sample.push(toContactProfile(row));
    });
    res.json({ count, sample });
  });

  router.get('/:id', async (req, res) => {
    res.json(await segments.get(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(updateSegmentSchema, req.body);
    res.json(await segments.update(principalOf(res).workspaceId, idFromParams(req.params.id), patch));
  });

  router.delete('/:id', async (req, res) => {
    await segments.remove(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.status(204).end();
  });

  router.get('/:id/count', async (req, res) => {
    const workspaceId = principalOf(res).workspaceId;
    const segment = await segments.get(workspaceId, idFromParams(req.params.id));
    res.json({ count: await audiences.count(workspaceId, segment.rule) });
  });

  router.get('/:id/contacts', async (req, res) => {
    const q = validate(pageQuerySchema, req.query);
    const workspaceId = principalOf(res).workspaceId;
    const segment = await segments.get(workspaceId, idFromParams(req.params.id));
    const [page, count] = await Promise.all([
      audiences.list(workspaceId, segment.rule, { limit: q.limit, cursor: q.cursor }),
      q.cursor ? Promise.resolve(undefined) : audiences.count(workspaceId, segment.rule),
    ]);
    res.json({ data: page.rows.map(toContactProfile), next_cursor: page.next, ...(count !== undefined ? { count } : {}) });
  });

  return router;
}
