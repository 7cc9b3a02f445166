/**
 * Admin REST for help collections (`/api/v1/help-collections`): the shared
 * CRUD. Deleting a collection keeps its articles (they lose the collection).
 *
 * @example api.use('/help-collections', admin, helpCollectionRoutes(domain))
 */
import type { Router } from 'express';
import { createHelpCollectionSchema, updateHelpCollectionSchema } from '../../../protocol/index.js';
import type { Domain } from '../../domain/index.js';
import { crudRoutes } from './crud-routes.js';

export function helpCollectionRoutes(domain: Domain): Router {
  return crudRoutes(domain.help.collections, { create: createHelpCollectionSchema, update: updateHelpCollectionSchema });
}
