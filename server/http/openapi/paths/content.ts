/** `/messages`, `/segments`, `/series`, `/surveys`, `/tours`: outbound content (routes/messages.ts, segments.ts, series.ts, surveys.ts, tours.ts). */
import { z } from 'zod';
import {
  createMessageSchema,
  createSegmentSchema,
  createSeriesSchema,
  createSurveySchema,
  createTourSchema,
  dateRangeQuerySchema,
  pageQuerySchema,
  previewSegmentSchema,
  surveyResultsQuerySchema,
  updateMessageSchema,
  updateSegmentSchema,
  updateSeriesSchema,
  updateSurveySchema,
  updateTourSchema,
} from '../../../../protocol/index.js';
import { pickerRequestSchema } from '../../routes/tours.js';
import { InAppMessageDoc, MessageStatsDoc, SegmentDoc, SeriesDoc, SeriesStatsDoc, SurveyDoc, SurveyResultsDoc, TourDoc, TourStatsDoc } from '../models/content.js';
import { ContactDoc } from '../models/inbox.js';
import { CountDoc } from '../models/shared.js';
import { json, named, pageOf, type RouteDoc } from '../route-doc.js';
import { crudDocs } from './crud.js';

const id = (thing: string) => ({ id: `The ${thing}’s id` });

export const contentDocs: RouteDoc[] = [
  ...crudDocs({
    base: '/messages',
    tag: 'In-app messages',
    thing: 'in-app message',
    item: InAppMessageDoc,
    create: named('CreateMessageRequest', createMessageSchema),
    update: named('UpdateMessageRequest', updateMessageSchema),
  }),
  {
    method: 'get',
    path: '/messages/:id/stats',
    summary: 'In-app message stats',
    tags: ['In-app messages'],
    auth: 'admin',
    request: { params: id('message') },
    responses: { 200: json('Counts and rates', MessageStatsDoc) },
  },
  ...crudDocs({
    base: '/segments',
    tag: 'Segments',
    thing: 'segment',
    item: SegmentDoc,
    create: named('CreateSegmentRequest', createSegmentSchema),
    update: named('UpdateSegmentRequest', updateSegmentSchema),
  }),
  {
    method: 'post',
    path: '/segments/preview',
    summary: 'Preview an unsaved rule',
    description: 'How many contacts match, and the first 20.',
    tags: ['Segments'],
    auth: 'admin',
    request: { body: named('PreviewSegmentRequest', previewSegmentSchema) },
    responses: { 200: json('The count and a sample', named('SegmentPreview', z.object({ count: z.number().int(), sample: z.array(ContactDoc.schema) }), [ContactDoc])) },
  },
  { method: 'get', path: '/segments/:id/count', summary: 'Count a segment', tags: ['Segments'], auth: 'admin', request: { params: id('segment') }, responses: { 200: json('Contacts matching now', CountDoc) } },
  {
    method: 'get',
    path: '/segments/:id/contacts',
    summary: 'List a segment’s contacts',
    description: 'The first page also carries `count`.',
    tags: ['Segments'],
    auth: 'admin',
    request: { params: id('segment'), query: pageQuerySchema },
    responses: { 200: json('One page of contacts', pageOf(ContactDoc, { count: z.number().int().optional() }, 'SegmentContactPage')) },
  },
  ...crudDocs({ base: '/series', tag: 'Series', thing: 'series', item: SeriesDoc, create: named('CreateSeriesRequest', createSeriesSchema), update: named('UpdateSeriesRequest', updateSeriesSchema) }),
  { method: 'get', path: '/series/:id/stats', summary: 'Series stats', tags: ['Series'], auth: 'admin', request: { params: id('series') }, responses: { 200: json('Per-step counts', SeriesStatsDoc) } },
  ...crudDocs({ base: '/surveys', tag: 'Surveys', thing: 'survey', item: SurveyDoc, create: named('CreateSurveyRequest', createSurveySchema), update: named('UpdateSurveyRequest', updateSurveySchema) }),
  {
    method: 'get',
    path: '/surveys/:id/results',
    summary: 'Survey results',
    description: 'Optionally over a date range and broken down by a trait or by segment.',
    tags: ['Surveys'],
    auth: 'admin',
    request: { params: id('survey'), query: surveyResultsQuerySchema },
    responses: { 200: json('Scores, per question, trend and breakdown', SurveyResultsDoc) },
  },
  {
    method: 'get',
    path: '/surveys/:id/results.csv',
    summary: 'Survey responses as CSV',
    tags: ['Surveys'],
    auth: 'admin',
    request: { params: id('survey'), query: dateRangeQuerySchema },
    responses: { 200: { description: 'One row per response', raw: 'text/csv' } },
  },
  ...crudDocs({ base: '/tours', tag: 'Tours', thing: 'tour', item: TourDoc, create: named('CreateTourRequest', createTourSchema), update: named('UpdateTourRequest', updateTourSchema) }),
  {
    method: 'post',
    path: '/tours/picker',
    summary: 'Open the element picker',
    description: 'A link to a page of your site (one of the allowed origins) that opens the widget’s element picker, with a short-lived authoring token.',
    tags: ['Tours'],
    auth: 'admin',
    request: { body: named('PickerRequest', pickerRequestSchema) },
    responses: { 201: json('The link to open', named('PickerLink', z.object({ url: z.string(), expires_at: z.string() }))) },
  },
  { method: 'get', path: '/tours/:id/stats', summary: 'Tour drop-off funnel', tags: ['Tours'], auth: 'admin', request: { params: id('tour') }, responses: { 200: json('The funnel', TourStatsDoc) } },
];
