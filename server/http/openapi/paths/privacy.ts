/**
 * Privacy (docs/privacy.md): a contact's export, erase and edit, the audit
 * log, and the widget's own privacy endpoints (routes/privacy-contacts.ts,
 * privacy-audit-log.ts, privacy-widget.ts).
 */
import { z } from 'zod';
import { auditLogQuerySchema, contactExportQuerySchema, contactUpdateSchema, widgetExportRequestSchema } from '../../../../protocol/index.js';
import { ContactDoc } from '../models/inbox.js';
import { objectDoc } from '../models/shared.js';
import { json, named, noContent, pageOf, type RouteDoc } from '../route-doc.js';

const ContactExportDoc = objectDoc(
  'ContactExport',
  'Everything held about a contact: `{ format, version, exportedAt, contact, events, conversations: [{ …, tags, messages, notes? }], surveyResponses, messageImpressions, tourRuns, seriesEnrollments, uploads, other }` (protocol/privacy/export.ts, docs/privacy.md).',
);
const AuditEntryDoc = objectDoc('AuditEntry', '`{ id, at, actor: { type, id, name }, action, target: { type, id } | null, details }` (ids, field names and counts only), newest first.');
const SelfExportLinkDoc = objectDoc('SelfExportLink', 'A short-lived download link for the visitor’s own data: `{ url, expiresAt }` (15 minutes).');
const WidgetSettingsDoc = objectDoc('WidgetSettings', 'The messenger’s public settings (look, consent and email requirements): WorkspaceSettings without the admin fields.');

const contact = { id: 'The contact’s id' };

export const privacyDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/contacts/:id/export',
    summary: 'Export a contact’s data',
    description: 'Admins (a token: `read`). JSON, or `format=csv` for a zip of CSV files; audited.',
    tags: ['Contacts'],
    auth: 'admin',
    request: { params: contact, query: contactExportQuerySchema },
    responses: { 200: { ...json('Everything held about the contact (or the zip)', ContactExportDoc), headers: { 'Cache-Control': 'no-store' } } },
  },
  {
    method: 'delete',
    path: '/contacts/:id',
    summary: 'Erase a contact',
    description: 'Admins (a token: `write`). The contact and everything tied to it; audited.',
    tags: ['Contacts'],
    auth: 'admin',
    request: { params: contact },
    responses: { 204: noContent },
  },
  {
    method: 'patch',
    path: '/contacts/:id',
    summary: 'Change a contact’s name, email or traits',
    description: 'A trait set to null is removed; audited.',
    tags: ['Contacts'],
    auth: 'admin',
    request: { params: contact, body: named('UpdateContactRequest', contactUpdateSchema) },
    responses: { 200: json('The contact', ContactDoc) },
  },
  {
    method: 'get',
    path: '/audit-log',
    summary: 'The audit log',
    description: 'Admins only (a token needs `admin`). Newest first; read-only.',
    tags: ['Audit log'],
    auth: 'admin',
    request: { query: auditLogQuerySchema },
    responses: { 200: json('One page of entries', pageOf(AuditEntryDoc)) },
  },
  {
    method: 'get',
    path: '/widget/settings',
    summary: 'The messenger’s public settings',
    description: 'For an SDK that must know whether consent is required before it stores or sends anything. From an allowed origin.',
    tags: ['Widget'],
    auth: 'public',
    request: { query: z.object({ appId: z.string().max(100) }) },
    responses: { 200: json('The settings', WidgetSettingsDoc) },
  },
  {
    method: 'post',
    path: '/widget/export',
    summary: 'A visitor asks for their own data',
    description: 'Signed-in, verified visitors only (the visitor token is in the body): answers a short-lived download link.',
    tags: ['Widget'],
    auth: 'public',
    request: { body: named('WidgetExportRequest', widgetExportRequestSchema) },
    responses: { 200: json('The download link', SelfExportLinkDoc) },
  },
  {
    method: 'get',
    path: '/widget/export/:link',
    summary: 'Download a visitor’s own data',
    description: 'The link of `POST /widget/export` is the capability; audited.',
    tags: ['Widget'],
    auth: 'public',
    request: { params: { link: 'The signed link token' } },
    responses: { 200: { description: 'The visitor’s data (JSON attachment, no internal notes)', raw: 'application/json' } },
  },
];
