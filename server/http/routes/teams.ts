/**
 * Admin REST for teams (DESIGN.md §2 `teams`): any agent reads, admins write.
 *
 * @example api.use('/teams', admin, teamRoutes(domain))
 */
import type { Router } from 'express';
import { createTeamSchema, updateTeamSchema } from '../../../protocol/index.js';
import type { Domain } from '../../domain/index.js';
import { crudRoutes } from './crud-routes.js';
import { requireAdmin } from './require-admin.js';

export function teamRoutes(domain: Domain): Router {
  return crudRoutes(domain.teams, { create: createTeamSchema, update: updateTeamSchema }, { write: requireAdmin('teams') });
}
