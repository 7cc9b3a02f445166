/** `/contacts`: people who used the messenger, and their event log (routes/contacts.ts). */
import { pageQuerySchema } from '../../../../protocol/index.js';
import { ContactDoc, ContactEventDoc } from '../models/inbox.js';
import { json, pageOf, type RouteDoc } from '../route-doc.js';

const tags = ['Contacts'];
const params = { id: 'The contact’s id' };

export const contactDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/contacts',
    summary: 'List contacts',
    description: 'Most recently seen first.',
    tags,
    auth: 'admin',
    request: { query: pageQuerySchema },
    responses: { 200: json('One page of contacts', pageOf(ContactDoc)) },
  },
  { method: 'get', path: '/contacts/:id', summary: 'Get a contact', tags, auth: 'admin', request: { params }, responses: { 200: json('The contact', ContactDoc) } },
  {
    method: 'get',
    path: '/contacts/:id/events',
    summary: 'List a contact’s events',
    description: 'Newest first; `cursor` is the `occurredAt` of the last event of the previous page.',
    tags,
    auth: 'admin',
    request: { params, query: pageQuerySchema },
    responses: { 200: json('One page of events', pageOf(ContactEventDoc)) },
  },
];
