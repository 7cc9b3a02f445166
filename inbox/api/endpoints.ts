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
  ConversationSearchResult,
  Page,
  SavedViewFilters,
  UpdateSettingsRequest,
  WorkspaceSettings,
} from '../../protocol/index.js';
import { createContentApi, type ContentApi } from './content-endpoints.js';
import { createReportApi, type ReportApi } from './report-endpoints.js';
import { createTeamApi, type TeamApi } from './team-endpoints.js';
import type { HttpClient, Query } from './http.js';
import { createHelpCenterApi, type HelpCenterApi } from './help-endpoints.js';
import { createToolsApi, type ToolsApi } from './tool-endpoints.js';
import { createWebhookApi, type WebhookApi } from './webhook-endpoints.js';
import { createPrivacyApi, type PrivacyApi } from './privacy-endpoints.js';
import { type ApiTokenApi, createApiTokenApi } from './api-token-endpoints.js';
import { type AutomationApi, createAutomationApi } from './automation-endpoints.js';
import { type BotApi, createBotApi } from './bot-endpoints.js';

export interface SessionInfo {
  agent: AgentProfile;
  csrfToken: string;
}

export type StatusFilter = ConversationStatus;
export type AssigneeFilter = 'all' | 'me' | 'unassigned';

/**
 * The conversation list's query: the keys of `GET /conversations`, the same
 * ones a saved view keeps. A key left out is no filter (any status, any tag…);
 * no `sort` is the server's default, newest first.
 */
export interface ListFilter extends Omit<SavedViewFilters, 'assignee'> {
  assignee: AssigneeFilter;
}

/** A row of the list: a search answers with `match`, a plain-text excerpt of what matched. */
export type ListedConversation = AgentConversation & Partial<Pick<ConversationSearchResult, 'match'>>;

/** The query string of one page of the list (unset keys are left out by the HTTP client). */
export function conversationQuery(filter: ListFilter, cursor?: string | null): Query {
  return {
    status: filter.status,
    assignee: filter.assignee,
    team_id: filter.team_id,
    tag: filter.tag,
    priority: filter.priority,
    q: filter.q,
    sort: filter.sort,
    sla: filter.sla,
    limit: CONVERSATION_PAGE_SIZE,
    cursor,
  };
}

export interface InboxApi extends ContentApi, ToolsApi, TeamApi, ReportApi, WebhookApi, ApiTokenApi, AutomationApi, PrivacyApi, BotApi, HelpCenterApi {
  me(): Promise<SessionInfo>;
  login(email: string, password: string): Promise<SessionInfo>;
  logout(): Promise<void>;
  listConversations(filter: ListFilter, cursor?: string | null): Promise<Page<ListedConversation>>;
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
    listConversations: (filter, cursor) => http.get('/conversations', { query: conversationQuery(filter, cursor) }),
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
    ...createTeamApi(http),
    ...createReportApi(http),
    ...createToolsApi(http),
    ...createWebhookApi(http),
    ...createApiTokenApi(http),
    ...createAutomationApi(http),
    ...createBotApi(http),
    ...createPrivacyApi(http),
    ...createHelpCenterApi(http),
  };
}
