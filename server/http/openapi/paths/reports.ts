/** `/reports/*`: CSAT, the conversation report and its CSV, frequent topics (routes/reports.ts). */
import { conversationReportQuerySchema, dateRangeQuerySchema, topicsQuerySchema } from '../../../../protocol/index.js';
import { ConversationReportDoc, CsatReportDoc, TopicsReportDoc } from '../models/content.js';
import { json, type RouteDoc } from '../route-doc.js';

const tags = ['Reports'];

export const reportDocs: RouteDoc[] = [
  { method: 'get', path: '/reports/csat', summary: 'CSAT of rated conversations', tags, auth: 'admin', request: { query: dateRangeQuerySchema }, responses: { 200: json('Ratings and CSAT', CsatReportDoc) } },
  {
    method: 'get',
    path: '/reports/conversations',
    summary: 'Conversation report',
    tags,
    auth: 'admin',
    request: { query: conversationReportQuerySchema },
    responses: { 200: json('The report', ConversationReportDoc) },
  },
  {
    method: 'get',
    path: '/reports/conversations.csv',
    summary: 'Conversation report as CSV',
    tags,
    auth: 'admin',
    request: { query: conversationReportQuerySchema },
    responses: { 200: { description: 'One row per conversation', raw: 'text/csv' } },
  },
  { method: 'get', path: '/reports/topics', summary: 'Frequently asked topics', tags, auth: 'admin', request: { query: topicsQuerySchema }, responses: { 200: json('Topics', TopicsReportDoc) } },
];
