/**
 * Writes that change how the workspace works (teams, rules, agents' roles)
 * are for admins and API tokens (`actsAsAdmin`): as a route middleware.
 *
 * @example router.post('/', requireAdmin('teams'), async (req, res) => { … })
 */
import type { RequestHandler } from 'express';
import { actsAsAdmin, ParleyError } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function requireAdmin(what: string): RequestHandler {
  return (_req, res, next) => {
    if (!actsAsAdmin(principalOf(res))) return next(new ParleyError('forbidden', `only admins can change ${what}`));
    next();
  };
}
