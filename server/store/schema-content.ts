/**
 * Row types of the outbound-content tables (in-app messages, surveys, tours,
 * segments, series): split from schema.ts by area, same conventions (ISO text
 * times, JSON as text).
 */
/** An in-app message (DESIGN.md §2 `messages`); JSON columns hold the validated shapes. */
export interface CampaignRow {
  id: string;
  workspace_id: string;
  name: string;
  format: 'chat' | 'post' | 'banner' | 'modal' | 'tooltip' | 'survey' | 'tour';
  body: string;
  audience: string | null;
  trigger: string;
  frequency: string | null;
  goal: string | null;
  schedule: string | null;
  priority: number;
  status: 'draft' | 'live';
  sender_id: string | null;
  position: 'top' | 'bottom' | null;
  dismissible: number;
  button: string | null;
  image_url: string | null;
  selector: string | null;
  /** format "survey": JSON of questions, thank-you, display, sampling and follow-ups. */
  survey: string | null;
  /** format "tour": JSON of the steps. */
  tour?: string | null;
  created_at: string;
  updated_at: string;
}

/** One send of a campaign to a contact; each outcome's time (null until it happens). */
export interface CampaignDeliveryRow {
  id: string;
  workspace_id: string;
  campaign_id: string;
  contact_id: string;
  /** Set when a series step sent it. */
  series_id: string | null;
  /** Its trigger, a series step, or the host page (`Messenger.startSurvey`): only the first must still match the audience to show again. */
  source: 'trigger' | 'series' | 'api' | 'conversation';
  sent_at: string;
  shown_at: string | null;
  opened_at: string | null;
  clicked_at: string | null;
  dismissed_at: string | null;
  replied_at: string | null;
  goal_reached_at: string | null;
  /** The conversation a reply to a chat message started. */
  conversation_id: string | null;
}

/** A survey response, saved as the answers come (one per delivery). */
export interface SurveyResponseRow {
  id: string;
  workspace_id: string;
  survey_id: string;
  contact_id: string;
  delivery_id: string;
  /** JSON object question id → answer. */
  answers: string;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One run of a tour by a contact (one per delivery). */
export interface TourRunRow {
  delivery_id: string;
  workspace_id: string;
  tour_id: string;
  contact_id: string;
  /** Index of the step the user is on (resume across pages). */
  at: number;
  status: 'running' | 'completed' | 'dismissed' | 'element_missing';
  ended_step: number | null;
  created_at: string;
  updated_at: string;
}

/** A step of a run was seen, its element was missing, or the tour was dismissed on it: once each. */
export interface TourStepEventRow {
  delivery_id: string;
  tour_id: string;
  step_id: string;
  kind: 'seen' | 'missing' | 'dismissed';
  at: string;
}

export interface SegmentRow {
  id: string;
  workspace_id: string;
  name: string;
  rule: string;
  created_at: string;
  updated_at: string;
}

export interface SeriesRow {
  id: string;
  workspace_id: string;
  name: string;
  entry: string;
  steps: string;
  status: 'draft' | 'live';
  created_at: string;
  updated_at: string;
}

export interface SeriesEnrollmentRow {
  id: string;
  workspace_id: string;
  series_id: string;
  contact_id: string;
  /** Index into the series' steps of where the contact is (steps.length once done). */
  step_index: number;
  step_entered_at: string;
  status: 'active' | 'completed' | 'exited';
  entered_at: string;
  updated_at: string;
}

export interface SeriesStepVisitRow {
  enrollment_id: string;
  series_id: string;
  step_id: string;
  reached_at: string;
}
