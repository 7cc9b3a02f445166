/**
 * Row types of every table, as Kysely sees them. Times are ISO 8601 text and
 * JSON columns are text, so one schema serves SQLite and Postgres unchanged.
 */
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
  created_at: string;
}

export interface AgentRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  password_hash: string;
  created_at: string;
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
  created_at: string;
  updated_at: string;
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
  created_at: string;
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

export interface Database {
  workspaces: WorkspaceRow;
  agents: AgentRow;
  agent_sessions: AgentSessionRow;
  api_tokens: ApiTokenRow;
  contacts: ContactRow;
  events: EventRow;
  conversations: ConversationRow;
  messages: MessageRow;
  attachments: AttachmentRow;
  server_settings: ServerSettingRow;
}
