import { describe, expect, it } from 'vitest';
import type { TourEnding, TourProgress, TourStep } from '../../../protocol/tours/models.js';
import { stepWaitMs, TourRunner, type TourRunnerState } from './tour-runner.js';

/** A stand-in for a host element: the runner only passes anchors through. */
const element = (name: string) => ({ name }) as unknown as Element;

interface Find {
  selector: string;
  waitMs: number;
  signal: AbortSignal;
  resolve(element: Element | null): void;
}

function setup(steps: TourStep[], { at = 0, path = '/' } = {}) {
  const finds: Find[] = [];
  const reports: TourProgress[] = [];
  const states: TourRunnerState[] = [];
  const ends: TourEnding[] = [];
  const runner = new TourRunner({
    deliveryId: 'd1',
    tour: { steps, at },
    page: { path },
    findElement: (selector, waitMs, signal) => new Promise((resolve) => finds.push({ selector, waitMs, signal, resolve })),
    report: (p) => reports.push(p),
    onChange: (s) => states.push(s),
    onEnd: (r) => ends.push(r),
  });
  const last = () => finds[finds.length - 1];
  /** Answers the latest find and lets the runner see it. */
  const answer = async (el: Element | null) => {
    last().resolve(el);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { runner, finds, reports, states, ends, last, answer };
}

const tip = (id: string, over: Partial<TourStep> = {}): TourStep => ({ id, kind: 'tooltip', body: id, selector: `#${id}`, ...over });
const post = (id: string, over: Partial<TourStep> = {}): TourStep => ({ id, kind: 'post', body: id, ...over });
const seen = (step: number): TourProgress => ({ deliveryId: 'd1', type: 'step_seen', step });

describe('TourRunner', () => {
  it('starts at `at`, finds the element, shows it and reports it seen once', async () => {
    const { runner, finds, reports, answer } = setup([post('a'), tip('b'), tip('c')], { at: 1 });
    runner.start();
    expect(runner.state).toMatchObject({ status: 'finding', index: 1, anchor: null, total: 3 });
    expect(finds.map((f) => [f.selector, f.waitMs])).toEqual([['#b', 5000]]);
    const b = element('b');
    await answer(b);
    expect(runner.state).toMatchObject({ status: 'showing', index: 1, anchor: b, canBack: true });
    expect(reports).toEqual([seen(1)]);
  });

  it('shows a post step at once, with no anchor and no find', () => {
    const { runner, finds, reports } = setup([post('a'), post('b')]);
    runner.start();
    expect(runner.state).toMatchObject({ status: 'showing', index: 0, anchor: null, canBack: false });
    expect(finds).toHaveLength(0);
    expect(reports).toEqual([seen(0)]);
  });

  it('waits on another page and resumes when setPage brings the user there', async () => {
    const { runner, finds, reports, answer } = setup([post('a', { page: '/home' }), tip('b', { page: '/settings/*' })], { at: 1, path: '/home' });
    runner.start();
    expect(runner.state.status).toBe('waiting_page');
    expect(finds).toHaveLength(0);
    runner.setPage({ path: '/billing' });
    expect(runner.state.status).toBe('waiting_page');
    runner.setPage({ path: '/settings/team/' });
    expect(runner.state.status).toBe('finding');
    await answer(element('b'));
    expect(runner.state).toMatchObject({ status: 'showing', index: 1 });
    // The previous step lives on /home: Back would only leave the user waiting.
    expect(runner.state.canBack).toBe(false);
    expect(reports).toEqual([seen(1)]);
  });

  it('walks to a step on another page, waits there, and leaves a showing step when the page changes', async () => {
    const { runner, answer, finds } = setup([post('a'), tip('b', { page: '/next' })]);
    runner.start();
    runner.next();
    expect(runner.state).toMatchObject({ status: 'waiting_page', index: 1 });
    runner.setPage({ path: '/next' });
    await answer(element('b'));
    expect(runner.state.status).toBe('showing');
    runner.setPage({ path: '/elsewhere' });
    expect(runner.state).toMatchObject({ status: 'waiting_page', index: 1, anchor: null });
    expect(finds[0].signal.aborted).toBe(false); // it had answered already
  });

  it('aborts a pending find when the page no longer matches, and ignores its late answer', async () => {
    const { runner, finds, reports, states } = setup([tip('a', { page: '/a' })], { path: '/a' });
    runner.start();
    const first = finds[0];
    runner.setPage({ path: '/b' });
    expect(first.signal.aborted).toBe(true);
    first.resolve(element('a'));
    await Promise.resolve();
    await Promise.resolve();
    expect(runner.state.status).toBe('waiting_page');
    expect(reports).toEqual([]);
    expect(states.map((s) => s.status)).toEqual(['finding', 'waiting_page']);
  });

  it('skips a missing element when the step says so, reporting it', async () => {
    const { runner, reports, answer, ends } = setup([tip('a', { if_missing: 'skip', wait_ms: 100 }), tip('b')]);
    runner.start();
    expect(runner.state).toMatchObject({ status: 'finding', index: 0 });
    await answer(null);
    expect(runner.state).toMatchObject({ status: 'finding', index: 1 });
    expect(reports).toEqual([{ deliveryId: 'd1', type: 'step_missing', step: 0, skipped: true }]);
    expect(ends).toEqual([]);
  });

  it('ends the tour on a missing element by default, and when there is nothing to skip to', async () => {
    for (const steps of [[tip('a'), tip('b')], [post('a'), tip('b', { if_missing: 'skip' })]]) {
      const { runner, reports, answer, ends, states } = setup(steps);
      runner.start();
      if (steps[0].kind === 'post') runner.next();
      await answer(null);
      const index = steps[0].kind === 'post' ? 1 : 0;
      expect(runner.state).toMatchObject({ status: 'ended', ending: 'element_missing', index });
      expect(reports.slice(-2)).toEqual([
        { deliveryId: 'd1', type: 'step_missing', step: index, skipped: false },
        { deliveryId: 'd1', type: 'ended', step: index, reason: 'element_missing' },
      ]);
      expect(ends).toEqual(['element_missing']);
      // Never a step pointing at nothing.
      expect(states.some((s) => s.status === 'showing' && s.step?.kind !== 'post' && s.anchor === null)).toBe(false);
    }
  });

  it('treats a tooltip without a selector, and a failing finder, as missing', async () => {
    const { runner, reports } = setup([tip('a', { selector: '  ', if_missing: 'skip' }), post('b')]);
    runner.start();
    expect(reports).toEqual([{ deliveryId: 'd1', type: 'step_missing', step: 0, skipped: true }, seen(1)]);
    const ends: TourEnding[] = [];
    const failing = new TourRunner({
      deliveryId: 'd1',
      tour: { steps: [tip('x')], at: 0 },
      page: { path: '/' },
      findElement: () => Promise.reject(new Error('boom')),
      report: () => {},
      onChange: () => {},
      onEnd: (r) => ends.push(r),
    });
    failing.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(ends).toEqual(['element_missing']);
  });

  it('next, back and completing the last step', async () => {
    const { runner, reports, answer, ends } = setup([post('a'), tip('b'), post('c')]);
    runner.start();
    runner.back(); // nothing before the first step
    expect(runner.state.index).toBe(0);
    runner.next();
    await answer(element('b'));
    runner.next();
    expect(runner.state).toMatchObject({ status: 'showing', index: 2, canBack: true });
    runner.back();
    expect(runner.state).toMatchObject({ status: 'finding', index: 1 });
    await answer(element('b2'));
    expect(runner.state.anchor).toEqual(element('b2'));
    runner.next();
    runner.next();
    expect(runner.state).toMatchObject({ status: 'ended', ending: 'completed', index: 2 });
    expect(ends).toEqual(['completed']);
    // Seen once per step, whatever the back-and-forth.
    expect(reports).toEqual([seen(0), seen(1), seen(2), { deliveryId: 'd1', type: 'ended', step: 2, reason: 'completed' }]);
    runner.next();
    runner.dismiss();
    expect(ends).toEqual(['completed']);
  });

  it('Back to a step whose element is gone returns to where the user was, without ending', async () => {
    const { runner, reports, answer, ends } = setup([tip('a'), post('b')]);
    runner.start();
    await answer(element('a'));
    runner.next();
    runner.back();
    await answer(null);
    expect(runner.state).toMatchObject({ status: 'showing', index: 1 });
    expect(reports).toContainEqual({ deliveryId: 'd1', type: 'step_missing', step: 0, skipped: true });
    expect(ends).toEqual([]);
  });

  it('dismiss ends on the current step, from any state, once', async () => {
    const { runner, reports, ends, last } = setup([tip('a'), tip('b')], { at: 1 });
    runner.start();
    const find = last();
    runner.dismiss();
    expect(find.signal.aborted).toBe(true);
    expect(runner.state).toMatchObject({ status: 'ended', ending: 'dismissed', index: 1, anchor: null });
    expect(reports).toEqual([{ deliveryId: 'd1', type: 'ended', step: 1, reason: 'dismissed' }]);
    runner.dismiss();
    expect(ends).toEqual(['dismissed']);
  });

  it('ignores a stale find that answers after the user moved on', async () => {
    const { runner, finds, reports } = setup([tip('a', { page: '/x' }), tip('b')], { path: '/x' });
    runner.start();
    const stale = finds[0];
    runner.setPage({ path: '/y' });
    runner.setPage({ path: '/x' });
    expect(finds).toHaveLength(2);
    finds[1].resolve(element('fresh'));
    stale.resolve(element('stale'));
    await Promise.resolve();
    await Promise.resolve();
    expect(runner.state.anchor).toEqual(element('fresh'));
    expect(reports).toEqual([seen(0)]);
  });

  it('looks again after a route change on a matching page, keeping the card up meanwhile', async () => {
    const { runner, answer, states } = setup([tip('a', { page: '/app/**' })], { path: '/app' });
    runner.start();
    await answer(element('a'));
    runner.setPage({ path: '/app/inner' });
    expect(runner.state.status).toBe('showing');
    await answer(element('a2'));
    expect(runner.state.anchor).toEqual(element('a2'));
    runner.refind();
    await answer(null);
    expect(runner.state).toMatchObject({ status: 'ended', ending: 'element_missing' });
    expect(states.map((s) => s.status)).toEqual(['finding', 'showing', 'showing', 'showing', 'ended']);
  });

  it('offers Back only while the previous step belongs on this page', async () => {
    const { runner, answer } = setup([post('a', { page: '/home' }), tip('b')], { at: 1, path: '/home' });
    runner.start();
    await answer(element('b'));
    expect(runner.state.canBack).toBe(true);
    runner.setPage({ path: '/other' });
    expect(runner.state).toMatchObject({ status: 'showing', canBack: false });
    runner.back();
    expect(runner.state.index).toBe(1);
  });

  it('stop cancels the pending find and stays silent', async () => {
    const { runner, reports, states, ends, last } = setup([tip('a')]);
    runner.start();
    runner.stop();
    expect(last().signal.aborted).toBe(true);
    last().resolve(element('a'));
    await Promise.resolve();
    runner.dismiss();
    runner.next();
    expect(reports).toEqual([]);
    expect(ends).toEqual([]);
    expect(states).toHaveLength(1);
  });

  it('ends quietly a tour with nothing left to show', () => {
    const { runner, reports, ends } = setup([post('a')], { at: 4 });
    runner.start();
    expect(runner.state).toMatchObject({ status: 'ended', ending: 'completed' });
    expect(reports).toEqual([]);
    expect(ends).toEqual(['completed']);
  });

  it('clamps wait_ms', () => {
    expect(stepWaitMs(tip('a'))).toBe(5000);
    expect(stepWaitMs(tip('a', { wait_ms: 120_000 }))).toBe(30_000);
    expect(stepWaitMs(tip('a', { wait_ms: -5 }))).toBe(0);
    expect(stepWaitMs(tip('a', { wait_ms: Number.NaN }))).toBe(5000);
  });
});
