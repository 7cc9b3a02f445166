/** `/tags`, `/canned-replies`, `/views`: the tools agents work conversations with (routes/tags.ts, canned-replies.ts, views.ts). */
import { z } from 'zod';
import {
  createCannedReplySchema,
  createSavedViewSchema,
  createTagSchema,
  renderCannedReplyQuerySchema,
  updateCannedReplySchema,
  updateSavedViewSchema,
  updateTagSchema,
} from '../../../../protocol/index.js';
import { CannedReplyDoc, SavedViewDoc, TagDoc } from '../models/inbox.js';
import { json, named, type RouteDoc } from '../route-doc.js';
import { crudDocs } from './crud.js';

export const inboxToolDocs: RouteDoc[] = [
  ...crudDocs({
    base: '/tags',
    tag: 'Tags',
    thing: 'tag',
    item: TagDoc,
    create: named('CreateTagRequest', createTagSchema),
    update: named('UpdateTagRequest', updateTagSchema),
    deleteNote: 'Agents with the admin role, or API tokens with the `write` scope: the tag comes off every conversation.',
  }),
  ...crudDocs({
    base: '/canned-replies',
    tag: 'Canned replies',
    thing: 'canned reply',
    item: CannedReplyDoc,
    create: named('CreateCannedReplyRequest', createCannedReplySchema),
    update: named('UpdateCannedReplyRequest', updateCannedReplySchema),
  }),
  {
    method: 'get',
    path: '/canned-replies/:id/render',
    summary: 'Render a canned reply',
    description: 'The body with the conversation’s contact, the calling agent and the workspace filled in.',
    tags: ['Canned replies'],
    auth: 'admin',
    request: { params: { id: 'The canned reply’s id' }, query: renderCannedReplyQuerySchema },
    responses: { 200: json('The rendered body', named('RenderedCannedReply', z.object({ body: z.string() }))) },
  },
  ...crudDocs({
    base: '/views',
    tag: 'Saved views',
    thing: 'saved view',
    item: SavedViewDoc,
    create: named('CreateSavedViewRequest', createSavedViewSchema),
    update: named('UpdateSavedViewRequest', updateSavedViewSchema),
    writeNote: 'A view’s owner or an admin changes it.',
  }),
];
