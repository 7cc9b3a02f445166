/**
 * The tour editor's draft: every field of a tour as the form holds it
 * (strings as typed, the audience as a rule builder draft, the steps as a
 * keyed list), made from a saved tour or from defaults; the step list's
 * edits; and the step the live preview renders. `tour-input.ts` turns the
 * draft back into a request body.
 */
import type { ContentStatus, Tour, TourPlacement, TourStep, TourStepKind } from '../../protocol/index.js';
import { deliveryDraftFrom, newDeliveryDraft, type DeliveryDraft } from './delivery-draft.js';
import { firstFreeId, moveByKey } from './keyed-list.js';
import { ruleDraftFrom, type RuleDraft } from './rule-check.js';
import { nextKey } from './rule-tree.js';
import { snippet } from './survey-draft.js';

/**
 * The server's limits on a tour (`TOUR_LIMITS`, `CONTENT_LIMITS` and the step
 * id pattern of protocol/tours/schemas.ts), mirrored so the inbox checks a
 * draft without bundling the zod schemas. tour-form.test.ts keeps them equal.
 */
export const TOUR_FORM_LIMITS = {
  steps: 30,
  name: 120,
  title: 120,
  body: 4_000,
  waitMs: 30_000,
  selector: 300,
  url: 2_000,
  page: 500,
} as const;

/** Every step keeps the fields of all kinds, so switching a step's kind and back loses nothing. */
export interface TourStepDraft {
  key: number;
  /** Stable across moves; the stats are per step id. */
  id: string;
  kind: TourStepKind;
  title: string;
  /** Markdown. */
  body: string;
  imageUrl: string;
  /** tooltip, spotlight: the CSS selector of the element. */
  selector: string;
  placement: TourPlacement;
  /** A path glob (`/settings/*`) or a full URL pattern; empty: any page. */
  page: string;
  advance: 'button' | 'click';
  /** As typed; empty: the widget's default. */
  waitMs: string;
  ifMissing: 'skip' | 'end';
}

export interface TourDraft extends DeliveryDraft {
  name: string;
  steps: TourStepDraft[];
  audience: RuleDraft;
  status: ContentStatus;
}

export const STEP_KIND_LABELS: Record<TourStepKind, string> = { post: 'Post', tooltip: 'Tooltip', spotlight: 'Spotlight' };

export const PLACEMENT_LABELS: Record<TourPlacement, string> = { auto: 'Where there is room', top: 'Above', bottom: 'Below', start: 'Before (left in LTR)', end: 'After (right in LTR)' };

/** How long the widget waits for a step's element when the author leaves it empty. */
export const DEFAULT_WAIT_MS = 5_000;

/** Tooltips and spotlights point at an element; posts don't. */
export function isAnchored(kind: TourStepKind): boolean {
  return kind !== 'post';
}

export function newTourStep(kind: TourStepKind, steps: readonly Pick<TourStepDraft, 'id'>[]): TourStepDraft {
  return {
    key: nextKey(),
    id: firstFreeId(steps, 'step-'),
    kind,
    title: '',
    body: '',
    imageUrl: '',
    selector: '',
    placement: 'auto',
    page: '',
    advance: 'button',
    waitMs: '',
    ifMissing: 'end',
  };
}

function stepDraftFrom(step: TourStep): TourStepDraft {
  return {
    key: nextKey(),
    id: step.id,
    kind: step.kind,
    title: step.title ?? '',
    body: step.body,
    imageUrl: step.image_url ?? '',
    selector: step.selector ?? '',
    placement: step.placement ?? 'auto',
    page: step.page ?? '',
    advance: step.advance ?? 'button',
    waitMs: step.wait_ms !== undefined ? String(step.wait_ms) : '',
    ifMissing: step.if_missing ?? 'end',
  };
}

export function tourDraftFrom(tour: Tour | null): TourDraft {
  const fresh: TourDraft = { ...newDeliveryDraft(), name: '', steps: [], audience: ruleDraftFrom(null), status: 'draft' };
  if (!tour) return fresh;
  return {
    ...fresh,
    ...deliveryDraftFrom(tour),
    name: tour.name,
    steps: tour.steps.map(stepDraftFrom),
    audience: ruleDraftFrom(tour.audience),
    status: tour.status,
  };
}

// ---- The step list ----

export function addTourStep(steps: readonly TourStepDraft[], kind: TourStepKind): TourStepDraft[] {
  return [...steps, newTourStep(kind, steps)];
}

export function removeTourStep(steps: readonly TourStepDraft[], key: number): TourStepDraft[] {
  return steps.filter((s) => s.key !== key);
}

export function moveTourStep(steps: readonly TourStepDraft[], key: number, delta: -1 | 1): TourStepDraft[] {
  return moveByKey(steps, key, delta);
}

export function replaceTourStep(steps: readonly TourStepDraft[], next: TourStepDraft): TourStepDraft[] {
  return steps.map((s) => (s.key === next.key ? next : s));
}

// ---- The preview ----

const HTTP_URL = /^https?:\/\/\S+$/i;

/**
 * The step as the widget would get it, lenient where the check is strict (an
 * unfinished image URL left out), so the preview follows every keystroke.
 */
export function previewTourStep(draft: TourStepDraft): TourStep {
  const image = draft.imageUrl.trim();
  return {
    id: draft.id,
    kind: draft.kind,
    ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
    body: draft.body,
    ...(HTTP_URL.test(image) ? { image_url: image } : {}),
    ...(isAnchored(draft.kind) ? { selector: draft.selector.trim(), placement: draft.placement, advance: draft.advance } : {}),
  };
}

/** A step's words for a list or a chart label: its title, else its body without markdown marks, cut short. */
export function stepExcerpt(step: Pick<TourStep, 'title' | 'body'>, max = 40): string {
  const title = step.title?.trim();
  return snippet(title || step.body.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>~]+/g, ''), max);
}
