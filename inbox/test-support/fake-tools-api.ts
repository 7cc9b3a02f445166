/** The endpoints for working a conversation (tags, notes, canned replies, views) of `fakeApi`: each fails unless a test provides it. */
import type { ToolsApi } from '../api/tool-endpoints.js';

export function unexpectedToolsApi(unexpected: () => Promise<never>): ToolsApi {
  return {
    setPriority: unexpected,
    snooze: unexpected,
    listTags: unexpected,
    setConversationTags: unexpected,
    listNotes: unexpected,
    createNote: unexpected,
    listCannedReplies: unexpected,
    createCannedReply: unexpected,
    updateCannedReply: unexpected,
    deleteCannedReply: unexpected,
    renderCannedReply: unexpected,
    listViews: unexpected,
    createView: unexpected,
    deleteView: unexpected,
  };
}
