/**
 * Surveys (DESIGN.md §2 `surveys`): NPS, CSAT, CES, choices, ratings and text,
 * with conditional logic and a thank-you step, as the REST API returns them
 * and the widget renders them. Zod-free (the widget imports this).
 */
import type { ContentStatus, Frequency, Schedule, Trigger } from '../content/models.js';
import type { Rule } from '../targeting/rule.js';

export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'single', 'multi', 'rating', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A condition on the answer to the question it is attached to. */
export interface AnswerCondition {
  op: 'eq' | 'neq' | 'lte' | 'gte' | 'in' | 'answered' | 'skipped';
  value?: number | string | Array<number | string>;
}

/** After answering, go to another question (only forward), or straight to the end. */
export interface LogicJump {
  if: AnswerCondition;
  goto: string | 'end';
}

export interface SurveyQuestion {
  id: string;
  type: QuestionType;
  /** The question, markdown (a link to a review site is fine). */
  text: string;
  /** Skippable when false; answers are required by default. */
  required?: boolean;
  /** single / multi: the choices. */
  options?: string[];
  /** single / multi: an "Other" choice with a text field. */
  allow_other?: boolean;
  /** csat: 1–5 as stars or faces. */
  style?: 'stars' | 'faces';
  /** rating: the top of a 1..N scale (3–10, default 5). */
  scale?: number;
  /** text: a multi-line answer. */
  long?: boolean;
  /** Labels under the ends of a scale (NPS "Not likely" / "Very likely"). */
  low_label?: string;
  high_label?: string;
  logic?: LogicJump[];
}

/** A number (scales), a choice, several choices. "Other" answers are the typed text. */
export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/** After a completed response whose answer matches: act on it (DESIGN.md: closed loop). */
export interface SurveyFollowUp {
  question: string;
  if: AnswerCondition;
  /** Opens a conversation with this message from the team (e.g. to every detractor), in a team's queue and/or assigned to a teammate. */
  open_conversation?: { body: string; assignee_id?: string | null; team_id?: string | null };
  /** Traits written to the contact. */
  set_traits?: Record<string, string | number | boolean>;
  /** Tags added to the contact (e.g. "detractor"). */
  add_tags?: string[];
}

export interface Survey {
  id: string;
  name: string;
  questions: SurveyQuestion[];
  /** Shown after the last answer. */
  thank_you: { title: string; body: string } | null;
  /** A floating card in the corner, or a centred post. */
  display: 'card' | 'post';
  audience: Rule | null;
  trigger: Trigger;
  frequency: Frequency | null;
  schedule: Schedule | null;
  /** Shown to this share of the matching contacts (1–100). */
  sample_pct: number;
  follow_up: SurveyFollowUp[];
  priority: number;
  status: ContentStatus;
  created_at: string;
  updated_at: string;
}

/** What the widget needs to render a survey (and resume it). */
export interface WidgetSurvey {
  questions: SurveyQuestion[];
  thank_you: { title: string; body: string } | null;
  display: 'card' | 'post';
  /** Answers saved so far (a half-answered survey survives a reload). */
  answers: Answers;
}

export interface NpsScore {
  /** % promoters − % detractors, −100..100 (null without answers). */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
}

export interface QuestionResult {
  id: string;
  type: QuestionType;
  text: string;
  answered: number;
  /** Answer → count (scales by value, choices by option, "other" for other texts). */
  distribution: Record<string, number>;
  average: number | null;
  /** text questions and "other" answers: the latest ones. */
  texts: Array<{ contact_id: string; answer: string; at: string }>;
}

export interface ScoreSet {
  responses: number;
  nps: NpsScore | null;
  /** % of 4–5 answers (null without answers). */
  csat: number | null;
  /** Average 1–7 (null without answers). */
  ces: number | null;
}

/** `GET /api/v1/surveys/:id/results`. */
export interface SurveyResults extends ScoreSet {
  /** Responses begun but not finished. */
  partial: number;
  shown: number;
  /** responses / shown (null when never shown). */
  response_rate: number | null;
  questions: QuestionResult[];
  /** Per day (UTC), oldest first. */
  trend: Array<ScoreSet & { day: string }>;
  /** With `?by=trait:<key>` or `?by=segment`: one row per group. */
  breakdown: Array<ScoreSet & { group: string }> | null;
}
