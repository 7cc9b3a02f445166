/**
 * Wire shapes of the tools agents use to work a conversation: tags, internal
 * notes, canned replies, saved views, search results and who is viewing what.
 * Admin resources (tags, canned replies, views) use snake_case times like the
 * content resources; notes travel beside messages and use their camelCase.
 */
import type { SlaFilter } from '../inbox/service-levels.js';
import type { AgentConversation, ConversationStatus, Priority } from '../models.js';

/** A workspace tag with the number of conversations that carry it. */
export interface Tag {
  id: string;
  name: string;
  /** `#rrggbb` (lowercase), or null for the inbox's default colour. */
  color: string | null;
  count: number;
  created_at: string;
}

/**
 * An internal note on a conversation: seen by the team only, never by the
 * visitor (notes are not messages and take no `seq`).
 */
export interface ConversationNote {
  id: string;
  conversationId: string;
  /** The agent who wrote it; null for an API token. */
  authorId: string | null;
  authorName: string | null;
  /** Markdown, like a message. */
  body: string;
  /** Agents of the workspace named in the body as `@Name` or `@email`, in order of first mention. */
  mentions: string[];
  createdAt: string;
}

/** Sent to each mentioned agent's own socket room. */
export interface MentionNotice {
  note: ConversationNote;
}

export interface CannedReply {
  id: string;
  /** `a-z`, `0-9` and `-`: what an agent types after `/` in the composer. Unique per workspace. */
  shortcut: string;
  title: string;
  /** Markdown with `{{user.name | fallback: "there"}}`, `{{agent.first_name}}`… placeholders. */
  body: string;
  created_at: string;
  updated_at: string;
}

/** `GET /canned-replies/:id/render`: the body with the conversation's contact and the agent filled in. */
export interface RenderedCannedReply {
  body: string;
}

export type ConversationSort = 'newest' | 'oldest' | 'waiting' | 'priority';

/** The conversation-list query a saved view stands for (the keys of `GET /conversations`). */
export interface SavedViewFilters {
  status?: ConversationStatus;
  /** `me` means whoever opens the view. */
  assignee?: 'all' | 'me' | 'unassigned';
  team_id?: string;
  tag?: string;
  priority?: Priority;
  q?: string;
  sort?: ConversationSort;
  /** Open conversations by SLA state (`GET /conversations?sla=`). */
  sla?: SlaFilter;
}

export interface SavedView {
  id: string;
  name: string;
  filters: SavedViewFilters;
  /** Shared views are listed for the whole workspace; only the owner or an admin changes them. */
  shared: boolean;
  /** The agent who made it; null when an API token did. */
  owner_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A conversation as `GET /conversations?q=…` lists it: with a plain-text excerpt of what matched. */
export interface ConversationSearchResult extends AgentConversation {
  /** Plain text (render it as text, never as markdown or HTML), whitespace collapsed. */
  match: string;
}

export interface ConversationViewer {
  id: string;
  name: string;
}

/** Who has a conversation open in the inbox right now (each agent once, however many tabs). */
export interface ConversationViewers {
  conversationId: string;
  agents: ConversationViewer[];
}
