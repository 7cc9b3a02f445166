/**
 * The routes outside the admin API: agents' login (`/auth`), the SDK's widget
 * endpoints (`/widget`), file uploads and downloads, and this document
 * (routes/auth.ts, widget.ts, attachments.ts; openapi/route.ts).
 */
import { z } from 'zod';
import type { BootResult, IdentifyResult } from '../../../../protocol/index.js';
import { bootInputSchema, loginSchema, uploadQuerySchema, widgetContactEmailSchema, widgetEventsSchema, widgetIdentifySchema } from '../../../../protocol/index.js';
import { model, opaque } from '../model.js';
import { AttachmentDoc } from '../models/inbox.js';
import { SessionDoc } from '../models/workspace.js';
import { json, named, noContent, type RouteDoc } from '../route-doc.js';

const BootResultDoc = named(
  'BootResult',
  model<BootResult>()({
    token: z.string().describe('The visitor token: keep it, send it back on every widget call and the /visitor socket'),
    contactId: z.string(),
    identified: z.boolean(),
    email: z.string().nullable(),
    settings: opaque<BootResult['settings']>('The messenger’s look and behaviour (WorkspaceSettings without the admin fields), plus `replyTime` and `helpCenter`'),
  }),
);
const IdentifyResultDoc = named('IdentifyResult', model<IdentifyResult>()({ token: z.string(), contactId: z.string() }));

const file = { mediaType: 'application/octet-stream', description: 'The file’s bytes (any type; the server sniffs what it is). At most the upload limit (10 MB by default).' };
const uploadQuery = uploadQuerySchema;

export const publicDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/auth/login',
    summary: 'Log an agent in',
    description: 'Sets the httpOnly session cookie; the answer’s `csrfToken` goes in `X-CSRF-Token` on every change. Rate-limited per IP.',
    tags: ['Agent session'],
    auth: 'public',
    request: { body: named('LoginRequest', loginSchema) },
    responses: { 200: json('The agent and the CSRF token', SessionDoc) },
  },
  { method: 'get', path: '/auth/me', summary: 'The signed-in agent', tags: ['Agent session'], auth: 'session', responses: { 200: json('The agent and the CSRF token', SessionDoc) } },
  { method: 'post', path: '/auth/logout', summary: 'Log out', tags: ['Agent session'], auth: 'session', responses: { 204: noContent } },
  {
    method: 'post',
    path: '/widget/boot',
    summary: 'Boot the messenger',
    description: 'Sent by the SDK as `text/plain` JSON (no CORS preflight) from an allowed origin. Anonymous, or identified with `user` (its `userHash` or `identityToken` when verification is on).',
    tags: ['Widget'],
    auth: 'public',
    request: { body: named('BootRequest', bootInputSchema) },
    responses: { 200: json('The visitor token and the messenger’s settings', BootResultDoc) },
  },
  {
    method: 'post',
    path: '/widget/identify',
    summary: 'Identify the visitor',
    tags: ['Widget'],
    auth: 'visitor',
    request: { body: named('WidgetIdentifyRequest', widgetIdentifySchema) },
    responses: { 200: json('A visitor token for the known contact', IdentifyResultDoc) },
  },
  {
    method: 'post',
    path: '/widget/events',
    summary: 'Track events and page views',
    description: 'Idempotent by each event’s `clientId`: a retried batch stores nothing twice.',
    tags: ['Widget'],
    auth: 'visitor',
    request: { body: named('WidgetEventsRequest', widgetEventsSchema) },
    responses: { 200: json('How many were accepted and newly stored', named('EventsAccepted', z.object({ accepted: z.number().int(), stored: z.number().int() }))) },
  },
  {
    method: 'post',
    path: '/widget/contact-email',
    summary: 'Leave an email (anonymous visitors)',
    tags: ['Widget'],
    auth: 'visitor',
    request: { body: named('WidgetContactEmailRequest', widgetContactEmailSchema) },
    responses: { 200: json('The stored address', named('ContactEmail', z.object({ email: z.string() }))) },
  },
  {
    method: 'post',
    path: '/widget/uploads',
    summary: 'Upload a file (visitor)',
    description: '`Authorization: Bearer <visitor token>`, from an allowed origin.',
    tags: ['Widget'],
    auth: 'visitor',
    request: { query: uploadQuery, rawBody: file },
    responses: { 201: json('The stored file', AttachmentDoc) },
  },
  {
    method: 'post',
    path: '/uploads',
    summary: 'Upload a file (agent)',
    description: 'Send its id in `attachmentIds` of a reply.',
    tags: ['Conversations'],
    auth: 'admin',
    request: { query: uploadQuery, rawBody: file },
    responses: { 201: json('The stored file', AttachmentDoc) },
  },
  {
    method: 'get',
    path: '/attachments/:id/:sig',
    summary: 'Download a file',
    description: 'A signed capability URL (`Attachment.url`): works without credentials, from any origin.',
    tags: ['Conversations'],
    auth: 'public',
    request: { params: { id: 'The attachment’s id', sig: 'Its signature' } },
    responses: { 200: { description: 'The file', raw: 'application/octet-stream' }, 304: { description: 'Not modified (`If-None-Match`)' } },
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tags: ['Meta'],
    auth: 'public',
    responses: { 200: { description: 'OpenAPI 3.1', raw: 'application/json' } },
  },
];
