/**
 * The REST endpoints the inbox uses, typed with the protocol's models. One
 * function per endpoint so stores never build URLs or guess response shapes,
 * and so tests can hand stores a fake `InboxApi` without a network.
 */
import type {
  AgentConversation,
  AgentProfile,
  Attachment,
  ContactEvent,
  ContactProfile,
  ConversationStatus,
  Message,
  Page,
  UpdateSettingsRequest,
  WorkspaceSettings,
} from '../../protocol/index.js';
import { createContentApi, type ContentApi } from './content-endpoints.js';
import type { HttpClient } from './http.js';

export interface SessionInfo {
  agent: AgentProfile;
  csrfToken: string;
}

export type StatusFilter = 'open' | 'closed';
export type AssigneeFilter = 'all' | 'me' | 'unassigned';

export interface ListFilter {
  status: StatusFilter;
  assignee: AssigneeFilter;
}

export interface InboxApi extends ContentApi {
  me(): Promise<SessionInfo>;
  login(email: string, password: string): Promise<SessionInfo>;
  logout(): Promise<void>;
  listConversations(filter: ListFilter, cursor?: string | null): Promise<Page<AgentConversation>>;
  getConversation(id: string): Promise<AgentConversation>;
  listMessages(conversationId: string, afterSeq: number, signal?: AbortSignal): Promise<Page<Message>>;
  /** A reply by REST; with `surveyId` the message carries that survey, answered in the visitor's thread. */
  postMessage(conversationId: string, input: { body: string; clientId: string; attachmentIds?: string[]; surveyId?: string }): Promise<Message>;
  /** Uploads a file to send with a message (`attachmentIds`); 413/415 when too big or not an accepted type. */
  uploadAttachment(file: Blob, name: string): Promise<Attachment>;
  setStatus(conversationId: string, status: ConversationStatus): Promise<AgentConversation>;
  assign(conversationId: string, assigneeId: string | null): Promise<AgentConversation>;
  getContact(id: string, signal?: AbortSignal): Promise<ContactProfile>;
  listContactEvents(id: string, signal?: AbortSignal): Promise<{ data: ContactEvent[] }>;
  listAgents(): Promise<{ data: AgentProfile[] }>;
  getSettings(): Promise<WorkspaceSettings>;
  /** PATCH semantics: only the fields given change. Admins only (403 `forbidden` otherwise). */
  updateSettings(patch: UpdateSettingsRequest): Promise<WorkspaceSettings>;
}

export const CONVERSATION_PAGE_SIZE = 50;
export const MESSAGE_PAGE_SIZE = 200;
export const CONTACT_EVENT_LIMIT = 20;

export function createInboxApi(http: HttpClient): InboxApi {
  const id = encodeURIComponent;
  return {
    me: () => http.get('/auth/me'),
    login: (email, password) => http.post('/auth/login', { email, password }),
    logout: () => http.post('/auth/logout'),
    listConversations: (filter, cursor) =>
      http.get('/conversations', {
        query: { status: filter.status, assignee: filter.assignee, limit: CONVERSATION_PAGE_SIZE, cursor },
      }),
    getConversation: (conversationId) => http.get(`/conversations/${id(conversationId)}`),
    listMessages: (conversationId, afterSeq, signal) =>
      http.get(`/conversations/${id(conversationId)}/messages`, {
        query: { after_seq: afterSeq, limit: MESSAGE_PAGE_SIZE },
        signal,
      }),
    postMessage: (conversationId, input) => http.post(`/conversations/${id(conversationId)}/messages`, input),
    uploadAttachment: (file, name) => http.upload('/uploads', file, { query: { name } }),
    setStatus: (conversationId, status) => http.patch(`/conversations/${id(conversationId)}`, { status }),
    assign: (conversationId, assigneeId) => http.post(`/conversations/${id(conversationId)}/assign`, { assigneeId }),
    getContact: (contactId, signal) => http.get(`/contacts/${id(contactId)}`, { signal }),
    listContactEvents: (contactId, signal) =>
      http.get(`/contacts/${id(contactId)}/events`, { query: { limit: CONTACT_EVENT_LIMIT }, signal }),
    listAgents: () => http.get('/agents'),
    getSettings: () => http.get('/settings'),
    updateSettings: (patch) => http.patch('/settings', patch),
    ...createContentApi(http),
  };
}
