/**
 * The CRUD every kind of content shares (DESIGN.md §2: list → `{ data,
 * next_cursor }`, a created object returned whole, `GET/PATCH/DELETE …/:id`),
 * so each content router adds only what is its own (stats, results, …).
 *
 * @example const router = contentCrud(domain.tours, { create: createTourSchema, update: updateTourSchema })
 */
import { Router } from 'express';
import type { z } from 'zod';
import { idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export interface ContentCrudStore<T, C, U> {
  list(workspaceId: string): Promise<T[]>;
  get(workspaceId: string, id: string): Promise<T>;
  create(workspaceId: string, input: C): Promise<T>;
  update(workspaceId: string, id: string, patch: U): Promise<T>;
  remove(workspaceId: string, id: string): Promise<void>;
}

export function contentCrud<T, CS extends z.ZodType, US extends z.ZodType>(
  store: ContentCrudStore<T, z.infer<CS>, z.infer<US>>,
  schemas: { create: CS; update: US },
): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ data: await store.list(principalOf(res).workspaceId), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const input = validate(schemas.create, req.body);
    res.status(201).json(await store.create(principalOf(res).workspaceId, input));
  });

  router.get('/:id', async (req, res) => {
    res.json(await store.get(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(schemas.update, req.body);
    res.json(await store.update(principalOf(res).workspaceId, idFromParams(req.params.id), patch));
  });

  router.delete('/:id', async (req, res) => {
    await store.remove(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.status(204).end();
  });

  return router;
}
