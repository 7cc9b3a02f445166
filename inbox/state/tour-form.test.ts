import { describe, expect, it } from 'vitest';
// The schemas only here, in a test: the inbox mirrors their rules rather than bundle them.
import { CONTENT_LIMITS, createTourSchema, TOUR_LIMITS, type Tour } from '../../protocol/index.js';
import { addTourStep, moveTourStep, previewTourStep, removeTourStep, stepExcerpt, TOUR_FORM_LIMITS, tourDraftFrom, type TourDraft, type TourStepDraft } from './tour-draft.js';
import { tourInputFrom, tourPatch, tourServerErrors } from './tour-input.js';
import { funnelRows } from './tour-stats.js';

const saved: Tour = {
  id: 'tur_1',
  name: 'Onboarding',
  steps: [
    { id: 'welcome', kind: 'post', title: 'Welcome to Acme', body: 'A quick look around.' },
    { id: 'reports', kind: 'tooltip', body: 'Your reports live here.', selector: '#nav-reports', advance: 'click' },
    { id: 'export', kind: 'spotlight', body: 'Export any report as CSV.', selector: '[data-tour="export"]', page: '/reports/*', if_missing: 'skip', wait_ms: 8000, placement: 'end' },
  ],
  audience: null,
  trigger: { on: 'page', page: '/dashboard' },
  frequency: null,
  schedule: null,
  priority: 5,
  status: 'live',
  created_at: '',
  updated_at: '',
};

function withSteps(steps: TourStepDraft[], change: Partial<TourDraft> = {}): TourDraft {
  return { ...tourDraftFrom(null), name: 'Tour', steps, ...change };
}

function edit(draft: TourDraft, index: number, change: Partial<TourStepDraft>): TourDraft {
  return { ...draft, steps: draft.steps.map((s, i) => (i === index ? { ...s, ...change } : s)) };
}

describe('tour limits', () => {
  it('mirror the protocol’s', () => {
    expect(TOUR_FORM_LIMITS).toMatchObject({ steps: TOUR_LIMITS.steps, title: TOUR_LIMITS.title, body: TOUR_LIMITS.body, waitMs: TOUR_LIMITS.waitMs });
    expect(TOUR_FORM_LIMITS).toMatchObject({ name: CONTENT_LIMITS.name, selector: CONTENT_LIMITS.selector, url: CONTENT_LIMITS.url });
    expect(createTourSchema.safeParse({ name: 'x', steps: [{ id: 'a', kind: 'post', body: 'x', page: 'p'.repeat(TOUR_FORM_LIMITS.page) }] }).success).toBe(true);
    expect(createTourSchema.safeParse({ name: 'x', steps: [{ id: 'a', kind: 'post', body: 'x', page: 'p'.repeat(TOUR_FORM_LIMITS.page + 1) }] }).success).toBe(false);
  });
});

describe('tour draft', () => {
  it('round-trips a saved tour into the same request, which the protocol schema accepts', () => {
    const result = tourInputFrom(tourDraftFrom(saved));
    if (!result.ok) throw new Error('expected ok');
    expect(result.input).toEqual({
      name: 'Onboarding',
      steps: saved.steps,
      audience: null,
      trigger: { on: 'page', page: '/dashboard' },
      frequency: null,
      schedule: null,
      priority: 5,
      status: 'live',
    });
    expect(createTourSchema.safeParse(result.input).success).toBe(true);
    expect(tourPatch(saved, result.input)).toEqual({});
  });

  it('numbers new steps step-1, step-2… and reuses none in the list; moves and removes by key', () => {
    let steps = addTourStep([], 'post');
    steps = addTourStep(steps, 'tooltip');
    steps = addTourStep(steps, 'spotlight');
    expect(steps.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    const [first, second, third] = steps;
    expect(moveTourStep(steps, third.key, -1).map((s) => s.id)).toEqual(['step-1', 'step-3', 'step-2']);
    expect(moveTourStep(steps, first.key, -1).map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    const fewer = removeTourStep(steps, second.key);
    expect(fewer.map((s) => s.id)).toEqual(['step-1', 'step-3']);
    expect(addTourStep(fewer, 'post').map((s) => s.id)).toEqual(['step-1', 'step-3', 'step-2']);
  });

  it('sends only what a step’s kind uses: a post has no element', () => {
    let draft = withSteps(addTourStep([], 'tooltip'));
    draft = edit(draft, 0, { body: 'Here', selector: '#a', placement: 'top', advance: 'click', waitMs: '2000', ifMissing: 'skip', page: ' /settings ' });
    const tooltip = tourInputFrom(draft);
    expect(tooltip.ok && tooltip.input.steps).toEqual([
      { id: 'step-1', kind: 'tooltip', body: 'Here', selector: '#a', placement: 'top', advance: 'click', wait_ms: 2000, if_missing: 'skip', page: '/settings' },
    ]);
    const post = tourInputFrom(edit(draft, 0, { kind: 'post' }));
    expect(post.ok && post.input.steps).toEqual([{ id: 'step-1', kind: 'post', body: 'Here', page: '/settings' }]);
    expect(post.ok && createTourSchema.safeParse(post.input).success).toBe(true);
  });
});

describe('tour checks', () => {
  it('names each problem on its step and field, like the server', () => {
    const draft = withSteps([...addTourStep([], 'tooltip'), ...addTourStep([], 'post')], { name: ' ' });
    // Two steps both called step-1 (as the server would refuse too).
    const problems = tourInputFrom(edit(edit(draft, 0, { imageUrl: 'javascript:alert(1)', waitMs: '60000' }), 1, { title: 'x'.repeat(121) }));
    if (problems.ok) throw new Error('expected problems');
    expect(problems.errors.fields).toEqual({ name: 'Give the tour a name.' });
    const [a, b] = draft.steps;
    expect(problems.errors.steps.get(a.key)).toEqual({
      body: 'Write a title or a body.',
      imageUrl: 'Enter an http(s) image URL.',
      selector: 'A tooltip needs the CSS selector of its element.',
      waitMs: 'Enter a whole number of milliseconds, at most 30,000.',
    });
    expect(problems.errors.steps.get(b.key)).toEqual({ id: 'The step id “step-1” is used twice.', title: 'Keep the title to 120 characters.' });
  });

  it('wants at least one step and at most 30', () => {
    const none = tourInputFrom(withSteps([]));
    expect(!none.ok && none.errors.fields.steps).toBe('Add at least one step.');
    let many: TourStepDraft[] = [];
    for (let i = 0; i < 31; i++) many = addTourStep(many, 'post');
    const tooMany = tourInputFrom(withSteps(many.map((s) => ({ ...s, body: 'x' }))));
    expect(!tooMany.ok && tooMany.errors.fields.steps).toBe('A tour has at most 30 steps.');
  });

  it('puts the server’s refusal on its step and field', () => {
    const draft = tourDraftFrom(saved);
    const mapped = tourServerErrors('steps.1.selector: a tooltip step needs the CSS selector of its element', draft);
    expect(mapped?.steps.get(draft.steps[1].key)).toEqual({ selector: 'A tooltip step needs the CSS selector of its element.' });
    expect(tourServerErrors('trigger.page: a page trigger names its page', draft)?.fields).toEqual({ triggerPage: 'A page trigger names its page.' });
    expect(tourServerErrors('name: too long', draft)?.fields).toEqual({ name: 'Too long.' });
    expect(tourServerErrors('something odd', draft)).toBeNull();
    expect(tourServerErrors('onclick: unknown key', draft)).toBeNull();
  });
});

describe('the preview step and excerpts', () => {
  it('previews a half-typed image URL without it, and names a step by title or plain body', () => {
    const [step] = addTourStep([], 'tooltip');
    expect(previewTourStep({ ...step, body: 'Hi', imageUrl: 'https://ex' })).toMatchObject({ image_url: 'https://ex' });
    expect(previewTourStep({ ...step, body: 'Hi', imageUrl: 'htt' })).not.toHaveProperty('image_url');
    expect(stepExcerpt({ title: 'Welcome', body: 'x' })).toBe('Welcome');
    expect(stepExcerpt({ body: '**Export** any [report](https://x.example) as `CSV`.' })).toBe('Export any report as CSV.');
    expect(stepExcerpt({ body: '' })).toBe('(no text yet)');
  });
});

describe('the funnel rows', () => {
  it('name each step by number and words, and a step the tour no longer has by its id', () => {
    const rows = funnelRows(
      { started: 2, completed: 0, dismissed: 0, element_missing: 0, completion_rate: 0, steps: [{ id: 'welcome', seen: 2, dismissed: 0, missing: 0 }, { id: 'gone', seen: 1, dismissed: 1, missing: 0 }] },
      saved.steps,
    );
    expect(rows.map((r) => r.label)).toEqual(['1. Welcome to Acme', '2. Step gone']);
    expect(rows[1]).toMatchObject({ seen: 1, dismissed: 1, missing: 0 });
  });
});
