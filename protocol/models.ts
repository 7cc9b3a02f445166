/** The objects that travel on the wire, as both ends see them. Times are ISO 8601 strings. */
import type { PrivacySettings } from './privacy/settings.js';
import type { Traits } from './schemas.js';
import type { BotChoice, BotButton } from './bots/models.js';
import type { AgentPresence } from './inbox/teams.js';
import type { BusinessHours } from './inbox/business-hours.js';
import type { ConversationSla, ReplyTime, SlaPolicy, TeamServiceLevels } from './inbox/service-levels.js';

export type AuthorType = 'visitor' | 'agent' | 'bot';
export type ConversationStatus = 'open' | 'snoozed' | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface Message {
  id: string;
  conversationId: string;
  /** Position in the conversation, 1-based and gap-free: the catch-up cursor. */
  seq: number;
  clientId: string;
  authorType: AuthorType;
  authorId: string | null;
  authorName: string | null;
  /** Markdown; rendered by our own renderer, never as HTML. May be empty when the message carries attachments or a survey. */
  body: string;
  /** Files sent with the message, in upload order. */
  attachments: Attachment[];
  /** A survey the team sent in the conversation, answered in the thread (`survey:load` gets its questions). */
  survey?: MessageSurvey;
  createdAt: string;
  /** Sent by the system itself (the away acknowledgement), not by a person: never counts as the team's reply. */
  automatic?: true;
  /** A bot's question: the choices, shown as buttons under the message (docs/bots.md). */
  buttons?: BotButton[];
  /** The visitor's answer to a bot's buttons (the body is the chosen label). */
  choice?: BotChoice;
}

/** The survey a message carries: which one, and the delivery its answers are saved against. */
export interface MessageSurvey {
  id: string;
  deliveryId: string;
}

/**
 * An uploaded file. `url` is relative to the Parley server
 * (`/api/v1/attachments/<id>/<signature>`): a capability that works in
 * `<img src>` without headers; prefix it with the API base on other origins.
 */
export interface Attachment {
  id: string;
  /** Sanitised file name, as shown and downloaded. */
  name: string;
  /** Bytes. */
  size: number;
  /** What the server found in the file (never what the client claimed). */
  contentType: string;
  url: string;
}

/** What the visitor's widget knows of a conversation. */
export interface VisitorConversation {
  id: string;
  status: ConversationStatus;
  lastSeq: number;
  /** Highest seq the visitor has read. */
  visitorReadSeq: number;
  /** Highest seq the agent side has read (read receipts). */
  agentReadSeq: number;
  /** Agent/bot messages after visitorReadSeq. */
  unread: number;
  assigneeName: string | null;
  lastMessage: Message | null;
  /** The visitor's rating after close (1–5), null until rated. */
  rating: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactSummary {
  id: string;
  externalId: string | null;
  name: string | null;
  email: string | null;
  identified: boolean;
}

/** What an agent sees of a conversation in lists and headers. */
export interface AgentConversation {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  assigneeId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  lastSeq: number;
  visitorReadSeq: number;
  agentReadSeq: number;
  contact: ContactSummary;
  lastMessage: Message | null;
  /** CSAT after close: the visitor's rating (1–5) and comment, null until rated. */
  rating: number | null;
  ratingComment: string | null;
  createdAt: string;
  updatedAt: string;
  /** Tag names, alphabetical (case-insensitive). */
  tags: string[];
  /** When a snoozed conversation reopens by itself; null unless snoozed. */
  snoozedUntil: string | null;
  /** Name of the team (`teamId`) the conversation is with; null without a team. */
  teamName: string | null;
  /** The running SLA clock (as of the read): the target due first, and whether it is overdue. */
  sla: ConversationSla;
}

export interface ContactProfile extends ContactSummary {
  traits: Traits;
  locale: string | null;
  device: { userAgent?: string; screen?: string; timezone?: string } | null;
  firstSeenAt: string;
  lastSeenAt: string;
  lastPageUrl: string | null;
  /** Tags on the contact (added by survey follow-ups, for now). */
  tags: string[];
}

export interface ContactEvent {
  id: string;
  contactId: string;
  type: 'track' | 'page';
  name: string;
  props: Record<string, string | number | boolean | null>;
  url: string | null;
  occurredAt: string;
}

export interface AgentProfile {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  /** `GET /api/v1/agents` only: online (a socket, not away), away, or offline (no socket). */
  presence?: AgentPresence;
  /** `GET /api/v1/agents` only: open conversations assigned at once at most; 0 = no limit. */
  capacity?: number;
  /** `GET /api/v1/agents` only: open conversations assigned to the agent now. */
  open_assigned?: number;
}

export type LauncherPosition = 'right' | 'left';

/** A face shown in the messenger header; `url` is always http(s) (checked on write). */
export interface TeamAvatar {
  name: string;
  url: string;
}

export interface WidgetSettings {
  appId: string;
  name: string;
  greeting: string;
  color: string;
  /** Bottom corner of the launcher: inline end ("right") or start ("left"); mirrored in RTL. */
  launcherPosition: LauncherPosition;
  /** Distance of the launcher from the side of the page, in CSS px. */
  launcherOffset: number;
  teamAvatars: TeamAvatar[];
  identityVerification: boolean;
  requireConsent: boolean;
  /** Consent required and not given: the messenger still opens for a support chat (kept in memory only). Since 016. */
  chatBeforeConsent?: boolean;
  /** Ask anonymous visitors for their email before their first message. */
  requireEmail: boolean;
  /** URL globs where no in-app message is shown (checkout, settings…). */
  quietPages: string[];
  /** Online now, typical reply time, next opening: sent in the boot response (not in GET /settings). */
  replyTime?: ReplyTime;
  /** The workspace has live help articles: the messenger shows its Home tab and answer suggestions (boot response only). */
  helpCenter?: boolean;
}

/** `GET/PATCH /api/v1/settings`: the workspace as its admins edit it. Never carries the identity secret. */
export interface WorkspaceSettings extends WidgetSettings {
  allowedOrigins: string[];
  /** Survey a contact at most once in this many days, across all surveys (0: no limit). */
  surveyRecontactDays: number;
  /** The script-tag snippet to paste, with this server's URL. */
  snippet: string;
  /** When an agent's last inbox socket has been gone for the grace period, their open conversations go back to their team (or unassigned). */
  reassignOnOffline: boolean;
  /** When the team answers; null = always (SLAs count wall-clock time, no away message). */
  businessHours: BusinessHours | null;
  /** SLA targets; null = none. */
  slaPolicy: SlaPolicy | null;
  /** The away acknowledgement ({day}, {time}, {timezone} filled in); null = the translated default. */
  awayMessage: string | null;
  /** Team id → the team's own hours and/or policy (absent teams use the workspace's). */
  teamServiceLevels: Record<string, TeamServiceLevels>;
  /** Consent mode, what is collected, retention windows (docs/privacy.md). */
  privacy: PrivacySettings;
}

export interface BootResult {
  token: string;
  contactId: string;
  identified: boolean;
  /** The visitor's own email, when known (decides whether the pre-chat email form shows). */
  email: string | null;
  settings: WidgetSettings;
}

export interface IdentifyResult {
  token: string;
  contactId: string;
}

/** List endpoints: one page plus the cursor of the next (null at the end). */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
