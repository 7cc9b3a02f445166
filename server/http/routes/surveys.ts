/**
 * Admin REST for surveys (DESIGN.md §2 `surveys`): CRUD, results (with an
 * optional breakdown by trait or segment) and a CSV export of every response.
 *
 * @example api.use('/surveys', admin, surveyRoutes(domain))
 */
import { Router } from 'express';
import { createSurveySchema, dateRangeQuerySchema, surveyResultsQuerySchema, updateSurveySchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';

export function surveyRoutes(domain: Domain): Router {
  const router = Router();
  const { surveys, surveyResults } = domain;

  router.get('/:id/results', async (req, res) => {
    const query = validate(surveyResultsQuerySchema, req.query);
    const workspaceId = principalOf(res).workspaceId;
    const survey = await surveys.get(workspaceId, idFromParams(req.params.id));
    res.json(await surveyResults.compute(workspaceId, survey, query));
  });

  router.get('/:id/results.csv', async (req, res) => {
    const range = validate(dateRangeQuerySchema, req.query);
    const survey = await surveys.get(principalOf(res).workspaceId, idFromParams(req.params.id));
    const name = survey.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'survey';
    res.type('text/csv; charset=utf-8').attachment(`${name}-responses.csv`).send(await surveyResults.csv(survey, range));
  });

  router.use(crudRoutes(surveys, { create: createSurveySchema, update: updateSurveySchema }));
  return router;
}
