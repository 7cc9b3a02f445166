/**
 * Admin REST for assignment rules: an ordered list (`position`), read by any
 * agent (the inbox shows why a conversation landed where it did), written by
 * admins.
 *
 * @example api.use('/assignment-rules', admin, assignmentRuleRoutes(domain))
 */
import type { Router } from 'express';
import { createAssignmentRuleSchema, updateAssignmentRuleSchema } from '../../../protocol/index.js';
import type { Domain } from '../../domain/index.js';
import { crudRoutes } from './crud-routes.js';
import { requireAdmin } from './require-admin.js';

export function assignmentRuleRoutes(domain: Domain): Router {
  return crudRoutes(domain.routing.rules, { create: createAssignmentRuleSchema, update: updateAssignmentRuleSchema }, { write: requireAdmin('assignment rules') });
}
