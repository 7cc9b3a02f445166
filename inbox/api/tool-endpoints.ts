/**
 * The endpoints for working a conversation (docs/inbox.md, "Working a
 * conversation"): priority and snooze, tags, internal notes, canned replies
 * and saved views. Part of `InboxApi`; kept apart like the content endpoints.
 */
import type {
  AgentConversation,
  CannedReply,
  ConversationNote,
  CreateCannedReplyInput,
  Page,
  Priority,
  RenderedCannedReply,
  SavedView,
  SavedViewFilters,
  Tag,
  UpdateCannedReplyInput,
} from '../../protocol/index.js';
import type { HttpClient } from './http.js';

/** `POST /views`: a name, the list query it stands for, and whether the whole team sees it. */
export interface NewSavedView {
  name: string;
  filters: SavedViewFilters;
  shared: boolean;
}

export const NOTE_PAGE_SIZE = 100;

export interface ToolsApi {
  setPriority(conversationId: string, priority: Priority): Promise<AgentConversation>;
  /** `until`: an ISO instant in the future, at most 90 days ahead. */
  snooze(conversationId: string, until: string): Promise<AgentConversation>;
  listTags(): Promise<Page<Tag>>;
  /** Replaces the conversation's whole set; unknown names become new tags. */
  setConversationTags(conversationId: string, tags: readonly string[]): Promise<AgentConversation>;
  listNotes(conversationId: string, cursor?: string | null): Promise<Page<ConversationNote>>;
  createNote(conversationId: string, body: string): Promise<ConversationNote>;
  listCannedReplies(): Promise<Page<CannedReply>>;
  createCannedReply(input: CreateCannedReplyInput): Promise<CannedReply>;
  updateCannedReply(id: string, patch: UpdateCannedReplyInput): Promise<CannedReply>;
  deleteCannedReply(id: string): Promise<void>;
  /** The body with the conversation's contact, the agent and the workspace filled in. */
  renderCannedReply(id: string, conversationId: string | null): Promise<RenderedCannedReply>;
  listViews(): Promise<Page<SavedView>>;
  createView(input: NewSavedView): Promise<SavedView>;
  deleteView(id: string): Promise<void>;
}

export function createToolsApi(http: HttpClient): ToolsApi {
  const id = encodeURIComponent;
  const conversation = (conversationId: string) => `/conversations/${id(conversationId)}`;
  return {
    setPriority: (conversationId, priority) => http.patch(conversation(conversationId), { priority }),
    snooze: (conversationId, until) => http.patch(conversation(conversationId), { status: 'snoozed', snoozed_until: until }),
    listTags: () => http.get('/tags'),
    setConversationTags: (conversationId, tags) => http.put(`${conversation(conversationId)}/tags`, { tags }),
    listNotes: (conversationId, cursor) =>
      http.get(`${conversation(conversationId)}/notes`, { query: { limit: NOTE_PAGE_SIZE, cursor } }),
    createNote: (conversationId, body) => http.post(`${conversation(conversationId)}/notes`, { body }),
    listCannedReplies: () => http.get('/canned-replies'),
    createCannedReply: (input) => http.post('/canned-replies', input),
    updateCannedReply: (replyId, patch) => http.patch(`/canned-replies/${id(replyId)}`, patch),
    deleteCannedReply: (replyId) => http.delete(`/canned-replies/${id(replyId)}`),
    renderCannedReply: (replyId, conversationId) =>
      http.get(`/canned-replies/${id(replyId)}/render`, { query: { conversation_id: conversationId } }),
    listViews: () => http.get('/views'),
    createView: (input) => http.post('/views', input),
    deleteView: (viewId) => http.delete(`/views/${id(viewId)}`),
  };
}
