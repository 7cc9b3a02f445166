/**
 * Row types of every table, as Kysely sees them. Times are ISO 8601 text and
 * JSON columns are text, so one schema serves SQLite and Postgres unchanged.
 * The core tables are here; content and team-inbox tables are in their own
 * files, and `Database` names them all.
 */
import type { CampaignDeliveryRow, CampaignRow, SegmentRow, SeriesEnrollmentRow, SeriesRow, SeriesStepVisitRow, SurveyResponseRow, TourRunRow, TourStepEventRow } from './schema-content.js';
import type { WebhookTables } from './schema-webhooks.js';
import type { PrivacyTables } from './schema-privacy.js';
import type { AutomationTables } from './schema-automation.js';
import type { HelpTables } from './schema-help.js';
import type { BotTables } from './schema-bots.js';
import type { AssignmentRuleRow, CannedReplyRow, ConversationNoteRow, ConversationTagRow, SavedViewRow, TagRow, TeamMemberRow, TeamRow, TeamServiceLevelRow } from './schema-inbox.js';

export type * from './schema-content.js';
export type * from './schema-inbox.js';
export type * from './schema-webhooks.js';
export type * from './schema-privacy.js';
export type * from './schema-automation.js';
export type * from './schema-help.js';
export type * from './schema-bots.js';
export interface WorkspaceRow {
  id: string;
  app_id: string;
  name: string;
  identity_secret: string;
  identity_verification: number;
  require_consent: number;
  /** JSON array of origins; "http://localhost:*" style port wildcards allowed; [] = any origin. */
  allowed_origins: string;
  greeting: string;
  color: string;
  /** Which bottom corner the launcher sits in (inline end / start: mirrored in RTL). */
  launcher_position: 'right' | 'left';
  /** Distance of the launcher from the side of the page, in CSS px. */
  launcher_offset: number;
  /** JSON array of { name, url }: the team shown in the messenger header. */
  team_avatars: string;
  /** Ask anonymous visitors for their email before the first message. */
  require_email: number;
  /** JSON array of URL globs where no in-app message is shown. */
  quiet_pages: string;
  /** A contact is surveyed at most once in this many days, across all surveys (0: no limit). */
  survey_recontact_days: number;
  /** 1: an agent's open conversations are handed out again once the agent has been offline for the grace period. Since 008. */
  reassign_on_offline?: number;
  created_at: string;
  /** JSON BusinessHours (protocol/inbox/business-hours.ts); null = none (SLAs count wall-clock time). */
  business_hours?: string | null;
  /** JSON SlaPolicy; null = no SLA targets. */
  sla_policy?: string | null;
  /** The away acknowledgement's text; null = the translated default. */
  away_message?: string | null;
  /** Privacy (016, docs/privacy.md): the messenger opens for a chat before consent (memory only). */
  chat_before_consent?: number;
  /** Keep the visitor's two-letter country from the proxy's header (never the IP). */
  store_country?: number;
  /** JSON array of query parameter names kept in stored page URLs. */
  url_query_allowlist?: string;
  /** Retention windows in days (null: keep). */
  retention_events_days?: number | null;
  retention_conversations_days?: number | null;
  retention_closed_days?: number | null;
  retention_uploads_days?: number | null;
}

export interface AgentRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  password_hash: string;
  created_at: string;
  /** Open conversations assigned at once at most (automatic assignment); 0 = no limit. Since 008. */
  capacity?: number;
  /** The last time a conversation was assigned to the agent (least-busy tie-break). Since 008. */
  last_assigned_at?: string | null;
}

export interface AgentSessionRow {
  /** sha256 of the cookie value; the cookie itself is never stored. */
  id: string;
  agent_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenRow {
  id: string;
  workspace_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** JSON array of scopes (013). */
  scopes: string;
  /** The value's first characters, shown to tell tokens apart (013). */
  token_prefix: string;
  /** The agent or API token that created it; null for BOOTSTRAP_TOKEN (013). */
  created_by: string | null;
  last_used_at: string | null;
}

export interface ContactRow {
  id: string;
  workspace_id: string;
  external_id: string | null;
  email: string | null;
  name: string | null;
  traits: string;
  locale: string | null;
  device: string | null;
  first_seen_at: string;
  last_seen_at: string;
  last_page_url: string | null;
  /** JSON array of tag names. */
  tags: string;
  /** Two letters from the proxy's country header when the workspace keeps it (016); never an IP. */
  country?: string | null;
  /** Set on the empty contact an erase leaves for aggregate counts (016): never listed, never targeted. */
  erased_at?: string | null;
}

export interface EventRow {
  id: string;
  workspace_id: string;
  contact_id: string;
  client_id: string;
  type: 'track' | 'page';
  name: string;
  props: string;
  url: string | null;
  occurred_at: string;
  received_at: string;
}

export interface ConversationRow {
  id: string;
  workspace_id: string;
  contact_id: string;
  client_id: string;
  status: 'open' | 'snoozed' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  assignee_id: string | null;
  team_id: string | null;
  channel: string;
  last_seq: number;
  visitor_read_seq: number;
  agent_read_seq: number;
  /** The visitor's rating after close (CSAT, 1–5). */
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  created_at: string;
  updated_at: string;
  /** When a snoozed conversation reopens by itself (null unless snoozed). */
  snoozed_until?: string | null;
  /** Metrics (migration 010), kept by domain/conversations/conversation-metrics.ts. The visitor's first message. */
  first_visitor_message_at?: string | null;
  /** The team's first reply after the visitor's first message (automatic messages don't count). */
  first_response_at?: string | null;
  /** The visitor's oldest unanswered message; null when the team replied last (or closed the conversation). */
  waiting_since?: string | null;
  /** The last close; null while not closed. */
  closed_at?: string | null;
  /** The last time a closed conversation was opened again. */
  reopened_at?: string | null;
  /** Times closed. */
  resolved_count?: number;
  /** Times a closed conversation was opened again. */
  reopened_count?: number;
  /** Times the team answered a waiting visitor (a run of replies counts once). */
  reply_phases?: number;
  /** When erase or retention removed its messages, notes and files (016). */
  redacted_at?: string | null;
  /** `bot` when the answer bot resolved it (021, docs/bots.md); null otherwise. */
  resolved_by?: string | null;
}

export interface MessageRow {
  id: string;
  workspace_id: string;
  conversation_id: string;
  seq: number;
  client_id: string;
  author_type: 'visitor' | 'agent' | 'bot';
  author_id: string | null;
  author_name: string | null;
  body: string;
  /** A survey sent in the conversation: the survey and the delivery its answers are saved against. */
  survey_id?: string | null;
  survey_delivery_id?: string | null;
  created_at: string;
  /** 1 for messages the system sent by itself (the away acknowledgement): never a reply of the team. */
  automatic?: number;
  /** Bots (021): JSON `{ buttons }` on a bot's question, `{ choice }` on the visitor's answer to it. */
  bot_data?: string | null;
}

export interface AttachmentRow {
  id: string;
  workspace_id: string;
  /** Null until the upload is sent with a message. */
  conversation_id: string | null;
  message_id: string | null;
  uploader_type: 'visitor' | 'agent';
  /** The contact id (visitor) or the agent id ("api" for API tokens). */
  uploader_id: string;
  file_name: string;
  /** Sniffed from the bytes, never taken from the client. */
  content_type: string;
  size_bytes: number;
  /** Where the file storage keeps the bytes (a relative path on disk). */
  storage_key: string;
  created_at: string;
}

export interface ServerSettingRow {
  key: string;
  value: string;
}

/** Who runs a background job now (server/scale/job-lease.ts). */
export interface JobLeaseRow {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Database extends WebhookTables, PrivacyTables, AutomationTables, HelpTables, BotTables {
  job_leases: JobLeaseRow;
  workspaces: WorkspaceRow;
  agents: AgentRow;
  agent_sessions: AgentSessionRow;
  api_tokens: ApiTokenRow;
  contacts: ContactRow;
  events: EventRow;
  conversations: ConversationRow;
  messages: MessageRow;
  attachments: AttachmentRow;
  campaigns: CampaignRow;
  campaign_deliveries: CampaignDeliveryRow;
  segments: SegmentRow;
  series: SeriesRow;
  series_enrollments: SeriesEnrollmentRow;
  series_step_visits: SeriesStepVisitRow;
  survey_responses: SurveyResponseRow;
  tour_runs: TourRunRow;
  tour_step_events: TourStepEventRow;
  server_settings: ServerSettingRow;
  tags: TagRow;
  conversation_tags: ConversationTagRow;
  conversation_notes: ConversationNoteRow;
  canned_replies: CannedReplyRow;
  saved_views: SavedViewRow;
  team_service_levels: TeamServiceLevelRow;
  teams: TeamRow;
  team_members: TeamMemberRow;
  assignment_rules: AssignmentRuleRow;
}
