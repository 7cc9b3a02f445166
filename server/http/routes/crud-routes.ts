/**
 * The CRUD the admin resources share (DESIGN.md §2: list → `{ data,
 * next_cursor }`, a created object returned whole, `GET/PATCH/DELETE …/:id`),
 * so each router adds only what is its own (stats, results, …). Guards are
 * middleware run before writes (e.g. admins only) or deletes alone.
 *
 * @example const router = crudRoutes(domain.tours, { create: createTourSchema, update: updateTourSchema })
 */
import { type RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export interface CrudStore<T, C, U> {
  list(workspaceId: string): Promise<T[]>;
  get(workspaceId: string, id: string): Promise<T>;
  create(workspaceId: string, input: C): Promise<T>;
  update(workspaceId: string, id: string, patch: U): Promise<T>;
  remove(workspaceId: string, id: string): Promise<void>;
}

export interface CrudGuards {
  /** Before create, update and delete. */
  write?: RequestHandler;
  /** Before delete only. */
  remove?: RequestHandler;
}

const pass: RequestHandler = (_req, _res, next) => next();

export function crudRoutes<T, CS extends z.ZodType, US extends z.ZodType>(
  store: CrudStore<T, z.infer<CS>, z.infer<US>>,
  schemas: { create: CS; update: US },
  guards: CrudGuards = {},
): Router {
  const router = Router();
  const write = guards.write ?? pass;
  const remove = guards.remove ?? pass;

  router.get('/', async (_req, res) => {
    res.json({ data: await store.list(principalOf(res).workspaceId), next_cursor: null });
  });

  router.post('/', write, async (req, res) => {
    const input = validate(schemas.create, req.body);
    res.status(201).json(await store.create(principalOf(res).workspaceId, input));
  });

  router.get('/:id', async (req, res) => {
    res.json(await store.get(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.patch('/:id', write, async (req, res) => {
    const patch = validate(schemas.update, req.body);
    res.json(await store.update(principalOf(res).workspaceId, idFromParams(req.params.id), patch));
  });

  router.delete('/:id', write, remove, async (req, res) => {
    await store.remove(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.status(204).end();
  });

  return router;
}
