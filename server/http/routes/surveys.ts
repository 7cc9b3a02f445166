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

export function surveyRoutes(domain: Domain): Router {
  const router = Router();
  const { surveys, surveyResults } = domain;

  router.get('/', async (_req, res) => {
    res.json({ data: await surveys.list(principalOf(res).workspaceId), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const input = validate(createSurveySchema, req.body);
    res.status(201).json(await surveys.create(principalOf(res).workspaceId, input));
  });

  router.get('/:id', async (req, res) => {
    res.json(await surveys.get(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(updateSurveySchema, req.body);
    res.json(await surveys.update(principalOf(res).workspaceId, idFromParams(req.params.id), patch));
  });

  router.delete('/:id', async (req, res) => {
    await surveys.remove(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.status(204).end();
  });

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

  return router;
}
