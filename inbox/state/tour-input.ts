/**
 * Tour draft → request body, checked by the same rules as the server's
 * `createTourSchema` (mirrored, not imported: the inbox bundles no zod
 * schema for tours), so each problem is named on its step and field; the
 * server's refusal mapped back onto the same places; and the PATCH of what
 * changed.
 */
import type { CreateTourInput, Tour, TourStep, UpdateTourInput } from '../../protocol/index.js';
import { checkDelivery, deliveryFieldOfPath, type DeliveryField } from './delivery-draft.js';
import { changedKeys, parseServerIssue, sentence, type FieldErrors } from './form-issues.js';
import { isEveryone } from './message-input.js';
import { compileRuleDraft, keyAtPath, type RuleErrors } from './rule-check.js';
import { isAnchored, STEP_KIND_LABELS, TOUR_FORM_LIMITS, type TourDraft, type TourStepDraft } from './tour-draft.js';

export type TourField = 'name' | 'steps' | 'audience' | 'status' | DeliveryField;
export type StepPart = 'id' | 'kind' | 'title' | 'body' | 'imageUrl' | 'selector' | 'placement' | 'page' | 'advance' | 'waitMs' | 'ifMissing';

export interface TourErrors {
  fields: FieldErrors<TourField>;
  audience: RuleErrors | null;
  /** Step key → its fields' problems. */
  steps: ReadonlyMap<number, FieldErrors<StepPart>>;
}

export type TourInputResult = { ok: true; input: CreateTourInput } | { ok: false; errors: TourErrors };

const STEP_ID = /^[A-Za-z0-9_-]{1,40}$/;
const HTTP_URL = /^https?:\/\/\S+$/i;
const WHOLE = /^\d+$/;
const L = TOUR_FORM_LIMITS;

/** Collects errors as they are found; the first one of each place wins. */
class ErrorSet {
  fields: FieldErrors<TourField> = {};
  audience: RuleErrors | null = null;
  steps = new Map<number, FieldErrors<StepPart>>();

  field(field: TourField, text: string): void {
    if (this.fields[field] === undefined) this.fields[field] = text;
  }
  step(key: number, part: StepPart, text: string): void {
    const entry = this.steps.get(key) ?? {};
    if (entry[part] === undefined) entry[part] = text;
    this.steps.set(key, entry);
  }
  get empty(): boolean {
    return Object.keys(this.fields).length === 0 && this.audience === null && this.steps.size === 0;
  }
  result(): TourErrors {
    return { fields: this.fields, audience: this.audience, steps: this.steps };
  }
}

export function tourInputFrom(draft: TourDraft): TourInputResult {
  const errors = new ErrorSet();
  const need = (field: TourField, ok: boolean, text: string): void => {
    if (!ok) errors.field(field, text);
  };
  const name = draft.name.trim();
  need('name', name !== '', 'Give the tour a name.');
  need('name', name.length <= L.name, `Keep the name to ${L.name} characters.`);
  need('steps', draft.steps.length > 0, 'Add at least one step.');
  need('steps', draft.steps.length <= L.steps, `A tour has at most ${L.steps} steps.`);
  const steps = draft.steps.map((step, i) => stepOf(step, i, draft.steps, errors));
  const delivery = checkDelivery(draft, need);
  const audience = compileRuleDraft(draft.audience);
  if (!audience.ok) {
    errors.field('audience', 'Check the audience conditions.');
    errors.audience = audience.errors;
  }
  if (!errors.empty || !audience.ok) return { ok: false, errors: errors.result() };
  return {
    ok: true,
    input: {
      name,
      steps,
      audience: isEveryone(audience.rule) ? null : audience.rule,
      trigger: delivery.trigger,
      frequency: delivery.frequency,
      schedule: delivery.schedule,
      priority: delivery.priority,
      status: draft.status,
    },
  };
}

/** One step as the request carries it: only what its kind uses, defaults left out. */
function stepOf(draft: TourStepDraft, index: number, all: readonly TourStepDraft[], errors: ErrorSet): TourStep {
  const problem = (part: StepPart, ok: boolean, text: string) => {
    if (!ok) errors.step(draft.key, part, text);
  };
  const title = draft.title.trim();
  const body = draft.body.trim();
  const image = draft.imageUrl.trim();
  const selector = draft.selector.trim();
  const page = draft.page.trim();
  const wait = draft.waitMs.trim();
  const anchored = isAnchored(draft.kind);

  problem('id', STEP_ID.test(draft.id), 'A step id is letters, digits, _ and - (at most 40).');
  problem('id', all.findIndex((s) => s.id === draft.id) === index, `The step id “${draft.id}” is used twice.`);
  problem('title', title.length <= L.title, `Keep the title to ${L.title} characters.`);
  problem('body', title !== '' || body !== '', 'Write a title or a body.');
  problem('body', body.length <= L.body, `Keep the body to ${L.body.toLocaleString('en')} characters.`);
  problem('imageUrl', image === '' || (HTTP_URL.test(image) && image.length <= L.url), 'Enter an http(s) image URL.');
  problem('page', page.length <= L.page, `Keep the page to ${L.page} characters.`);
  if (anchored) {
    problem('selector', selector !== '', `A ${STEP_KIND_LABELS[draft.kind].toLowerCase()} needs the CSS selector of its element.`);
    problem('selector', selector.length <= L.selector, `Keep the selector to ${L.selector} characters.`);
    problem('waitMs', wait === '' || (WHOLE.test(wait) && Number(wait) <= L.waitMs), `Enter a whole number of milliseconds, at most ${L.waitMs.toLocaleString('en')}.`);
  }

  const step: TourStep = { id: draft.id, kind: draft.kind, body };
  if (title) step.title = title;
  if (image) step.image_url = image;
  if (page) step.page = page;
  if (anchored) {
    step.selector = selector;
    if (draft.placement !== 'auto') step.placement = draft.placement;
    if (draft.advance === 'click') step.advance = 'click';
    if (wait) step.wait_ms = Number(wait);
    if (draft.ifMissing === 'skip') step.if_missing = 'skip';
  }
  return step;
}

const STEP_PARTS: Record<string, StepPart> = {
  id: 'id',
  kind: 'kind',
  title: 'title',
  body: 'body',
  image_url: 'imageUrl',
  selector: 'selector',
  placement: 'placement',
  page: 'page',
  advance: 'advance',
  wait_ms: 'waitMs',
  if_missing: 'ifMissing',
};

/** The server's `validation_failed` message on the form; null when it names nothing the form shows. */
export function tourServerErrors(message: string, draft: TourDraft): TourErrors | null {
  const issue = parseServerIssue(message);
  if (!issue) return null;
  const errors = new ErrorSet();
  const text = sentence(issue.text);
  const [head, index, part] = issue.path;
  const step = head === 'steps' && typeof index === 'number' ? draft.steps[index] : undefined;
  const delivery = deliveryFieldOfPath(issue.path);
  if (step) errors.step(step.key, (typeof part === 'string' && STEP_PARTS[part]) || 'body', text);
  else if (head === 'audience') {
    errors.field('audience', text);
    errors.audience = new Map([[keyAtPath(draft.audience.root, issue.path.slice(1)), text]]);
  } else if (delivery) errors.field(delivery, text);
  else if (head === 'name' || head === 'steps' || head === 'status') errors.field(head, text);
  else return null;
  return errors.result();
}

/** What to PATCH on a saved tour: only what the form changed. */
export function tourPatch(saved: Tour, input: CreateTourInput): UpdateTourInput {
  return changedKeys(saved, input);
}
