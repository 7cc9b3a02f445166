/**
 * Wire shapes of outbound content (DESIGN.md §2): in-app messages, segments
 * and series as the REST API returns them, and what the widget receives to
 * decide the moment. Zod-free (the widget imports this); the input schemas are
 * in `schemas.ts`.
 */
import type { WidgetSurvey } from '../surveys/models.js';
import type { WidgetTour } from '../tours/models.js';
import type { Rule } from '../targeting/rule.js';

export const MESSAGE_FORMATS = ['chat', 'post', 'banner', 'modal', 'tooltip'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];

export const TRIGGER_KINDS = ['immediate', 'page', 'event', 'time_on_page'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const CONTENT_STATUSES = ['draft', 'live'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** When the widget shows a message the server found the contact eligible for. */
export interface Trigger {
  on: TriggerKind;
  /** `event`: the event name (from `Messenger.track` or recorded for the contact). */
  event?: string;
  /** `page`: a URL glob such as `/billing/*` (same matching as a page rule). */
  page?: string;
  /** `time_on_page`: seconds on a page. */
  seconds?: number;
}

/** Send limit per contact. Absent: once. */
export interface Frequency {
  max_per_contact: number;
  /** At least this many days between two sends. */
  every_days?: number;
  /** Stop sending once the goal was reached (the default when a goal is set). */
  until_goal?: boolean;
}

export interface Goal {
  event: string;
  within_days: number;
}

/** ISO 8601 bounds; either may be absent. */
export interface Schedule {
  start_at?: string;
  end_at?: string;
}

export interface MessageButton {
  label: string;
  /** http(s) or mailto; absent: the button only dismisses (and counts as a click). */
  url?: string;
}

/** An in-app message (`/api/v1/messages`). */
export interface InAppMessage {
  id: string;
  name: string;
  format: MessageFormat;
  /** Markdown with `{{user.name | fallback: "there"}}` placeholders. */
  body: string;
  audience: Rule | null;
  trigger: Trigger;
  frequency: Frequency | null;
  goal: Goal | null;
  schedule: Schedule | null;
  /** Higher wins when several match at one moment. */
  priority: number;
  status: ContentStatus;
  /** chat: the teammate it is sent as. */
  sender_id: string | null;
  /** banner: top or bottom of the page. */
  position: 'top' | 'bottom' | null;
  /** banner: whether it can be closed (modal, post and chat always can). */
  dismissible: boolean;
  button: MessageButton | null;
  /** post, modal: an https image shown above the body. */
  image_url: string | null;
  /** tooltip: CSS selector of the element it points at. */
  selector: string | null;
  created_at: string;
  updated_at: string;
}

export const OUTCOMES = ['sent', 'shown', 'opened', 'clicked', 'dismissed', 'replied', 'goal_reached'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** `GET /api/v1/messages/:id/stats`. Rates are 0..1 (null with nothing to divide by). */
export interface MessageStats {
  sent: number;
  shown: number;
  opened: number;
  clicked: number;
  dismissed: number;
  replied: number;
  goal_reached: number;
  /** clicked / shown. */
  ctr: number | null;
  /** goal_reached / sent. */
  goal_rate: number | null;
}

/** A saved rule (`/api/v1/segments`), usable in other rules as `{ segment: id }`. */
export interface Segment {
  id: string;
  name: string;
  rule: Rule;
  created_at: string;
  updated_at: string;
}

/** Where a series goes after a branch: the next step, a step by id, or out. */
export type SeriesTarget = 'next' | 'exit' | string;

export type SeriesStep =
  | { id: string; type: 'message'; message_id: string }
  /** Waits until `until_event` happens (when given) or `days` pass, whichever is first. */
  | { id: string; type: 'wait'; days: number; until_event?: string }
  | { id: string; type: 'branch'; rule: Rule; then: SeriesTarget; else: SeriesTarget };

export interface Series {
  id: string;
  name: string;
  /** Contacts matching it enter the series (each contact once). */
  entry: Rule;
  steps: SeriesStep[];
  status: ContentStatus;
  created_at: string;
  updated_at: string;
}

/** `GET /api/v1/series/:id/stats`. */
export interface SeriesStats {
  entered: number;
  active: number;
  completed: number;
  exited: number;
  /** Per step, in order: contacts that reached it, and (for waits) are there now. */
  steps: Array<{ id: string; reached: number; current: number }>;
}

/** Every kind of outbound content the widget shows: in-app message formats, surveys and tours. */
export type ContentFormat = MessageFormat | 'survey' | 'tour';

/** The `page` and `time_on_page_s` part of an audience: the part only the widget can decide. */
export type MomentRule = Rule;

/** One message the server found this contact eligible for, ready to render. */
export interface EligibleMessage {
  id: string;
  /** Set when already sent to this contact and still open (not dismissed, clicked or replied). */
  deliveryId: string | null;
  /** "survey" / "tour": `survey` / `tour` holds the questions or steps (they share the in-app machinery). */
  format: ContentFormat;
  /** Personalised markdown (placeholders filled in by the server). */
  body: string;
  trigger: Trigger;
  /** What is left of the audience once the server decided all it knows; null: nothing left. */
  moment: MomentRule | null;
  priority: number;
  sender: { name: string; avatarUrl: string | null } | null;
  position: 'top' | 'bottom' | null;
  dismissible: boolean;
  button: MessageButton | null;
  imageUrl: string | null;
  selector: string | null;
  survey: WidgetSurvey | null;
  tour: WidgetTour | null;
}

/** `content:list` and `content:changed` on /visitor. */
export interface ContentSnapshot {
  messages: EligibleMessage[];
}

/** Outcomes the widget reports; the server records sent, replied and goal_reached itself. */
export const WIDGET_OUTCOMES = ['shown', 'opened', 'clicked', 'dismissed'] as const;
export type WidgetOutcome = (typeof WIDGET_OUTCOMES)[number];

/** Event names written to the contact for each outcome (the closed loop, DESIGN.md §4). */
export const OUTCOME_EVENTS: Record<Outcome, string> = {
  sent: 'message_sent',
  shown: 'message_shown',
  opened: 'message_opened',
  clicked: 'message_clicked',
  dismissed: 'message_dismissed',
  replied: 'message_replied',
  goal_reached: 'message_goal_reached',
};
