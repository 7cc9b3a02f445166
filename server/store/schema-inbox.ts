/**
 * Row types of the team-inbox tables (tags, notes, canned replies, views,
 * teams, assignment rules, per-team service levels): split from schema.ts by
 * area, same conventions (ISO text times, JSON as text).
 */
/** A workspace tag; `name_key` (trimmed, lowercased) makes names unique regardless of case. */
export interface TagRow {
  id: string;
  workspace_id: string;
  name: string;
  name_key: string;
  color: string | null;
  created_at: string;
}

export interface ConversationTagRow {
  conversation_id: string;
  tag_id: string;
  workspace_id: string;
  created_at: string;
}

/** An internal note: its own table so the visitor-facing message seqs stay gap-free. */
export interface ConversationNoteRow {
  id: string;
  workspace_id: string;
  conversation_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  /** JSON array of agent ids. */
  mentions: string;
  created_at: string;
}

export interface CannedReplyRow {
  id: string;
  workspace_id: string;
  shortcut: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface SavedViewRow {
  id: string;
  workspace_id: string;
  /** The agent who made it; null when an API token did. */
  owner_id: string | null;
  name: string;
  /** JSON of the validated filters. */
  filters: string;
  shared: number;
  created_at: string;
  updated_at: string;
}

/** A team's own business hours and SLA policy (migration 010); keyed by team id, no foreign key. */
export interface TeamServiceLevelRow {
  team_id: string;
  workspace_id: string;
  /** JSON BusinessHours; null = the workspace's. */
  business_hours: string | null;
  /** JSON SlaPolicy; null = the workspace's. */
  sla_policy: string | null;
  updated_at: string;
}


/** A team of agents; `rr_cursor` is the member given the last conversation by round robin. */
export interface TeamRow {
  id: string;
  workspace_id: string;
  name: string;
  strategy: 'round_robin' | 'least_busy' | 'manual';
  rr_cursor: string | null;
  created_at: string;
  updated_at: string;
}

/** A member of a team; `position` is the round-robin order. */
export interface TeamMemberRow {
  team_id: string;
  agent_id: string;
  position: number;
  created_at: string;
}

/** An assignment rule; `rule` is the JSON of its targeting rule (`when`). */
export interface AssignmentRuleRow {
  id: string;
  workspace_id: string;
  name: string;
  position: number;
  enabled: number;
  rule: string;
  team_id: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  strategy: 'round_robin' | 'least_busy' | 'manual';
  created_at: string;
  updated_at: string;
}
