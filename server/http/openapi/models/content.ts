/**
 * Response shapes of outbound content (in-app messages, segments, series,
 * surveys, tours) and of the reports. Content objects are their create
 * request with every default filled in plus `id`, `created_at` and
 * `updated_at`; they are documented so, pointing at the request schema that
 * defines each field, rather than restating every format's fields.
 */
import { z } from 'zod';
import type { MessageStats, Segment, TourStats } from '../../../../protocol/index.js';
import { isoTime, model } from '../model.js';
import { named } from '../route-doc.js';
import { objectDoc, RuleDoc } from './shared.js';

const asCreated = (request: string) =>
  `The fields of \`${request}\` with every default filled in (absent optional parts are null), plus \`id\`, \`created_at\` and \`updated_at\`.`;

export const InAppMessageDoc = objectDoc('InAppMessage', asCreated('CreateMessageRequest'));
export const SeriesDoc = objectDoc('Series', asCreated('CreateSeriesRequest'));
export const SurveyDoc = objectDoc('Survey', asCreated('CreateSurveyRequest'));
export const TourDoc = objectDoc('Tour', asCreated('CreateTourRequest'));

export const SegmentDoc = named(
  'Segment',
  model<Segment>()({ id: z.string(), name: z.string(), rule: RuleDoc.schema, created_at: isoTime(), updated_at: isoTime() }),
  [RuleDoc],
);

const rate = () => z.number().nullable();

export const MessageStatsDoc = named(
  'MessageStats',
  model<MessageStats>()({
    sent: z.number().int(),
    shown: z.number().int(),
    opened: z.number().int(),
    clicked: z.number().int(),
    dismissed: z.number().int(),
    replied: z.number().int(),
    goal_reached: z.number().int(),
    ctr: rate().describe('clicked / shown'),
    goal_rate: rate().describe('goal_reached / sent'),
  }),
);

export const SeriesStatsDoc = objectDoc('SeriesStats', '`{ entered, active, completed, exited, steps: [{ id, reached, current }] }`.');

export const TourStatsDoc = named(
  'TourStats',
  model<TourStats>()({
    started: z.number().int(),
    completed: z.number().int(),
    dismissed: z.number().int(),
    element_missing: z.number().int(),
    completion_rate: rate(),
    steps: z.array(z.object({ id: z.string(), seen: z.number().int(), dismissed: z.number().int(), missing: z.number().int() })),
  }),
);

export const SurveyResultsDoc = objectDoc(
  'SurveyResults',
  '`{ responses, partial, shown, response_rate, nps: { score, promoters, passives, detractors, total } | null, csat, ces, questions: [{ id, type, text, answered, distribution, average, texts }], trend: [...], breakdown: [...] | null }`.',
);

export const CsatReportDoc = named(
  'CsatReport',
  z.object({
    ratings: z.number().int(),
    csat: z.number().nullable().describe('% of 4–5 ratings'),
    distribution: z.record(z.string(), z.number().int()).describe('Rating 1–5 → count'),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
);

export const ConversationReportDoc = objectDoc(
  'ConversationReport',
  'Volumes, first response and resolution times, FCR and CSAT over the range, by day, busiest hours, per agent and per team.',
);

export const TopicsReportDoc = objectDoc('TopicsReport', 'What visitors ask about most: clusters of first messages with their size and examples.');
