/**
 * Product tours (DESIGN.md §2 `tours`): a list of steps the widget walks a
 * user through, across pages, as the REST API returns them and the widget
 * runs them. Tours are content like surveys: a `campaigns` row with format
 * "tour", so audience, trigger, schedule, send limit and deliveries are the
 * same machinery. Zod-free (the widget imports this).
 */
import type { ContentStatus, Frequency, Schedule, Trigger } from '../content/models.js';
import type { Rule } from '../targeting/rule.js';

/**
 * - `tooltip`: a card anchored to an element, pointing at it;
 * - `post`: a centred card, no anchor;
 * - `spotlight`: the page dims around the element, the card sits beside it.
 */
export const TOUR_STEP_KINDS = ['tooltip', 'post', 'spotlight'] as const;
export type TourStepKind = (typeof TOUR_STEP_KINDS)[number];

export const TOUR_PLACEMENTS = ['auto', 'top', 'bottom', 'start', 'end'] as const;
export type TourPlacement = (typeof TOUR_PLACEMENTS)[number];

export interface TourStep {
  /** Stable within the tour (stats are per step id). */
  id: string;
  kind: TourStepKind;
  /** Optional heading (plain text). */
  title?: string;
  /** Markdown. */
  body: string;
  /** An http(s) image shown above the body. */
  image_url?: string;
  /** tooltip, spotlight: CSS selector of the element the step points at. */
  selector?: string;
  /** Where the card sits beside its element; `auto` picks the side with room (start/end follow the writing direction). */
  placement?: TourPlacement;
  /**
   * The page the step belongs on: a path glob as in page rules (`/settings/*`).
   * Elsewhere the tour waits, and resumes when the user gets there (next load or SPA route change).
   */
  page?: string;
  /** `click`: the step advances when the user clicks its element (Next is then hidden). */
  advance?: 'button' | 'click';
  /** How long to wait for the element to appear, in ms (default 5000, at most 30000). */
  wait_ms?: number;
  /** The element never appeared: skip to the next step, or end the tour (default). */
  if_missing?: 'skip' | 'end';
}

/** A tour as `/api/v1/tours` returns it. */
export interface Tour {
  id: string;
  name: string;
  steps: TourStep[];
  audience: Rule | null;
  trigger: Trigger;
  frequency: Frequency | null;
  schedule: Schedule | null;
  priority: number;
  status: ContentStatus;
  created_at: string;
  updated_at: string;
}

/** What the widget gets of a tour: the steps and where this contact is in them (resume across pages). */
export interface WidgetTour {
  steps: TourStep[];
  /** Index of the step to show (0 when not started). */
  at: number;
}

/** Why a run ended. */
export const TOUR_ENDINGS = ['completed', 'dismissed', 'element_missing'] as const;
export type TourEnding = (typeof TOUR_ENDINGS)[number];

/** What the widget reports as a user walks a tour (`tour:progress` on /visitor). */
export type TourProgress =
  | { deliveryId: string; type: 'step_seen'; step: number }
  | { deliveryId: string; type: 'step_missing'; step: number; skipped: boolean }
  | { deliveryId: string; type: 'ended'; step: number; reason: TourEnding };

/** `GET /api/v1/tours/:id/stats`: the drop-off funnel. */
export interface TourStats {
  started: number;
  completed: number;
  dismissed: number;
  /** Runs that ended because an element never appeared. */
  element_missing: number;
  /** completed / started (null with none started). */
  completion_rate: number | null;
  /** Per step, in order: runs that saw it, were dismissed on it, and did not find its element. */
  steps: Array<{ id: string; seen: number; dismissed: number; missing: number }>;
}

/**
 * The element picker's answer, posted from the team's site (where the widget
 * runs the picker) to the inbox window that opened it, with the Parley
 * server's origin as the target: `window.opener.postMessage(msg, serverOrigin)`.
 * The inbox accepts it only from the window it opened, at the site's origin.
 */
export type PickerMessage = { type: 'parley:picked'; selector: string; label: string } | { type: 'parley:picker-cancelled' };

/** The URL fragment that carries a picker token to the site (`#parley-picker=<token>`). */
export const PICKER_FRAGMENT = 'parley-picker=';
