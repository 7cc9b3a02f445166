/** `/conversations`: the inbox's conversations, their messages, notes, tags and assignment (routes/conversations.ts, conversation-notes.ts, tags.ts). */
import {
  agentReplySchema,
  assignConversationSchema,
  createNoteSchema,
  listConversationsQuerySchema,
  listMessagesQuerySchema,
  pageQuerySchema,
  setConversationTagsSchema,
  updateConversationSchema,
} from '../../../../protocol/index.js';
import { ConversationDoc, MessageDoc, NoteDoc } from '../models/inbox.js';
import { json, named, pageOf, type RouteDoc } from '../route-doc.js';

const tags = ['Conversations'];
const params = { id: 'The conversation’s id' };

export const conversationDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/conversations',
    summary: 'List conversations',
    description: 'Newest first unless `sort` says otherwise; `q` searches messages and adds a `match` excerpt to each row.',
    tags,
    auth: 'admin',
    request: { query: listConversationsQuerySchema },
    responses: { 200: json('One page of conversations', pageOf(ConversationDoc)) },
  },
  { method: 'get', path: '/conversations/:id', summary: 'Get a conversation', tags, auth: 'admin', request: { params }, responses: { 200: json('The conversation', ConversationDoc) } },
  {
    method: 'patch',
    path: '/conversations/:id',
    summary: 'Change status, priority or snooze',
    tags,
    auth: 'admin',
    request: { params, body: named('UpdateConversationRequest', updateConversationSchema) },
    responses: { 200: json('The changed conversation', ConversationDoc) },
  },
  {
    method: 'post',
    path: '/conversations/:id/assign',
    summary: 'Assign to an agent and/or a team',
    description: '`null` clears, an absent key leaves it as it is.',
    tags,
    auth: 'admin',
    request: { params, body: named('AssignConversationRequest', assignConversationSchema) },
    responses: { 200: json('The conversation, assigned', ConversationDoc) },
  },
  {
    method: 'get',
    path: '/conversations/:id/messages',
    summary: 'List messages',
    description: 'Oldest first, from `after_seq`; `next_cursor` is the `after_seq` of the next page.',
    tags,
    auth: 'admin',
    request: { params, query: listMessagesQuerySchema },
    responses: { 200: json('One page of messages', pageOf(MessageDoc)) },
  },
  {
    method: 'post',
    path: '/conversations/:id/messages',
    summary: 'Reply',
    description:
      'Idempotent by `clientId`: sending the same `clientId` again returns the message already stored (200) instead of a second one (201). With `surveyId` the message carries that survey.',
    tags,
    auth: 'admin',
    request: { params, body: named('AgentReplyRequest', agentReplySchema) },
    responses: { 201: json('The new message', MessageDoc), 200: json('The message already sent with this clientId', MessageDoc) },
  },
  {
    method: 'get',
    path: '/conversations/:id/notes',
    summary: 'List internal notes',
    tags,
    auth: 'admin',
    request: { params, query: pageQuerySchema },
    responses: { 200: json('One page of notes', pageOf(NoteDoc)) },
  },
  {
    method: 'post',
    path: '/conversations/:id/notes',
    summary: 'Add an internal note',
    description: 'Seen by the team only; `@Name` mentions notify those agents.',
    tags,
    auth: 'admin',
    request: { params, body: named('CreateNoteRequest', createNoteSchema) },
    responses: { 201: json('The note', NoteDoc) },
  },
  {
    method: 'put',
    path: '/conversations/:id/tags',
    summary: 'Replace the conversation’s tags',
    description: 'Names the workspace does not have yet are created.',
    tags,
    auth: 'admin',
    request: { params, body: named('SetConversationTagsRequest', setConversationTagsSchema) },
    responses: { 200: json('The conversation with its tags', ConversationDoc) },
  },
];

