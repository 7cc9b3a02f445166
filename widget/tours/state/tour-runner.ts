/**
 * The engine of ONE running tour: which step shows, on which element, and
 * what gets reported. DOM-free (DESIGN.md §7): finding an element is the
 * host's job, behind `findElement`, so this runs in a plain unit test.
 *
 * A step goes through: `waiting_page` (it belongs on another page; the tour
 * stays on it until `setPage` brings the user there — an SPA route change or
 * the next load, which resumes at `tour.at`) → `finding` (tooltip/spotlight:
 * waiting for its element) → `showing` → the next step, or `ended`.
 * A step never shows pointing at nothing: an element that does not appear is
 * reported (`step_missing`) and either skipped or ends the tour.
 *
 * Every async find carries the generation it started in; any transition
 * bumps the generation (and aborts the find), so a late answer for a step the
 * user already left is dropped instead of yanking the tour back.
 *
 * @example
 * const runner = new TourRunner({ deliveryId, tour, page: { path: location.pathname },
 *   findElement: waitForElement, report: send, onChange: draw, onEnd: cleanUp });
 * runner.start();
 * // later: runner.setPage({ path: location.pathname }) on every route change
 */
import type { TourEnding, TourProgress, TourStep, WidgetTour } from '../../../protocol/tours/models.js';
import { stepOnPage, type TourPage } from './step-page.js';

export type TourStatus = 'waiting_page' | 'finding' | 'showing' | 'ended';

export interface TourRunnerState {
  status: TourStatus;
  /** The step the tour is on (0-based). */
  index: number;
  /** That step; null only for a tour without steps. */
  step: TourStep | null;
  /** The element a showing tooltip/spotlight step points at; null otherwise. */
  anchor: Element | null;
  total: number;
  /** Back may be offered: the tour is showing, and the previous step exists and belongs on this page. */
  canBack: boolean;
  /** Why the tour ended (status `ended`), else null. */
  ending: TourEnding | null;
}

/**
 * Resolves the element for `selector` once it is there (waiting up to
 * `waitMs`), or null. `signal` aborts when the runner no longer needs the
 * answer: the finder should stop watching the page then (resolving null is fine).
 */
export type FindElement = (selector: string, waitMs: number, signal: AbortSignal) => Promise<Element | null>;

export interface TourRunnerOptions {
  deliveryId: string;
  tour: WidgetTour;
  page: TourPage;
  findElement: FindElement;
  /** Progress for the server (`tour:progress`). */
  report(progress: TourProgress): void;
  /** Every state change, for the view. */
  onChange(state: TourRunnerState): void;
  /** Once, when the tour ends (after the last `onChange` and the `ended` report). Not called by `stop()`. */
  onEnd(reason: TourEnding): void;
}

export const DEFAULT_WAIT_MS = 5_000;
export const MAX_WAIT_MS = 30_000;

/** The step's `wait_ms`, defaulted and clamped: an author typo must not hold a find open for hours. */
export function stepWaitMs(step: TourStep): number {
  const ms = step.wait_ms;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return DEFAULT_WAIT_MS;
  return Math.min(MAX_WAIT_MS, Math.max(0, ms));
}

export class TourRunner {
  private readonly opts: TourRunnerOptions;
  private readonly steps: TourStep[];
  private page: TourPage;
  private current: TourRunnerState;
  /** Bumped by every transition; an async find answering for an older one is stale. */
  private generation = 0;
  private pending: AbortController | null = null;
  /** Indexes already reported `step_seen` in this run (Back then Next must not count twice). */
  private readonly seen = new Set<number>();
  /** Set while a Back move is finding its step: if that element is gone, the user returns here instead of losing the tour. */
  private backFrom: number | null = null;
  private started = false;
  private stopped = false;

  constructor(opts: TourRunnerOptions) {
    this.opts = opts;
    this.steps = opts.tour.steps;
    this.page = opts.page;
    // A resume point from the server is trusted only as far as it makes sense.
    const at = Number.isInteger(opts.tour.at) && opts.tour.at > 0 ? opts.tour.at : 0;
    // Until start() nothing is decided; `waiting_page` is the honest "not showing yet".
    this.current = this.stateFor('waiting_page', at, null, null);
  }

  get state(): TourRunnerState {
    return this.current;
  }

  /** Begins at `tour.at`. Separate from the constructor so callbacks never run before the caller holds the runner. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    if (this.current.index >= this.steps.length) {
      // Nothing left to show (an empty tour, or resumed past its end): end without reporting
      // anything, since no step was seen in this run.
      this.generation += 1;
      this.set('ended', Math.max(0, this.steps.length - 1), null, 'completed');
      this.opts.onEnd('completed');
      return;
    }
    this.enter(this.current.index, null);
  }

  /** Next / Done, or the anchor was clicked on a `click` step. Only while a step shows. */
  next(): void {
    if (!this.live() || this.current.status !== 'showing') return;
    const { index } = this.current;
    if (index >= this.steps.length - 1) this.end('completed');
    else this.enter(index + 1, null);
  }

  /** To the previous step, found again (the page may have changed since). */
  back(): void {
    if (!this.live() || !this.current.canBack) return;
    const { index } = this.current;
    this.enter(index - 1, index);
  }

  /** The user closed the tour (×, Esc, "Skip tour"). */
  dismiss(): void {
    if (!this.live()) return;
    this.end('dismissed');
  }

  /**
   * The user is on another page (SPA route change). A step that belongs
   * elsewhere waits; one waiting for this page resumes; a step still on a
   * matching page looks for its element again, since a route change usually
   * re-renders it (the card keeps showing meanwhile).
   */
  setPage(page: TourPage): void {
    const moved = page.path !== this.page.path || page.url !== this.page.url;
    this.page = page;
    if (!this.live()) return;
    const { status, index, step } = this.current;
    if (!step) return;
    if (!stepOnPage(step.page, page)) {
      if (status !== 'waiting_page') {
        this.cancelFind();
        this.set('waiting_page', index, null, null);
      }
      return;
    }
    if (status === 'waiting_page') {
      this.arrive(index);
    } else if (status === 'showing' && moved) {
      // Whether Back is offered depends on the page: tell the view now, not only if the element changes.
      this.set('showing', index, this.current.anchor, null);
      this.refind();
    }
  }

  /**
   * The host saw the anchor leave the page (or a route change the runner was
   * not told about): find the current step's element again, keeping the card
   * up meanwhile; a different element moves the card, none ends or skips.
   */
  refind(): void {
    if (!this.live() || this.current.status !== 'showing') return;
    const { index, step } = this.current;
    if (!step || step.kind === 'post') return;
    this.find(index, true);
  }

  /** The host is going away (shutdown, unmount): cancels pending finds; no more callbacks, no report. */
  stop(): void {
    this.stopped = true;
    this.cancelFind();
  }

  private live(): boolean {
    return this.started && !this.stopped && this.current.status !== 'ended';
  }

  private enter(index: number, backFrom: number | null): void {
    this.cancelFind();
    this.backFrom = backFrom;
    const step = this.steps[index];
    if (!stepOnPage(step.page, this.page)) this.set('waiting_page', index, null, null);
    else this.arrive(index);
  }

  /** On the step's page: a post shows at once, the others look for their element. */
  private arrive(index: number): void {
    if (this.steps[index].kind === 'post') this.show(index, null);
    else this.find(index, false);
  }

  /** `quiet`: keep the current state (the card stays up) while looking again. */
  private find(index: number, quiet: boolean): void {
    this.cancelFind();
    const step = this.steps[index];
    const generation = this.generation;
    if (!quiet) this.set('finding', index, null, null);
    // onChange may have moved the tour on (a dismiss from inside the render).
    if (generation !== this.generation || !this.live()) return;
    const selector = step.selector?.trim();
    if (!selector) {
      // A tooltip without a selector has nothing to point at: treat it as missing, do not guess.
      this.missing(index);
      return;
    }
    const controller = new AbortController();
    this.pending = controller;
    let found: Promise<Element | null>;
    try {
      found = Promise.resolve(this.opts.findElement(selector, stepWaitMs(step), controller.signal));
    } catch {
      found = Promise.resolve(null);
    }
    found
      .catch(() => null)
      .then((element) => {
        if (generation !== this.generation || !this.live()) return;
        this.pending = null;
        if (!element) this.missing(index);
        else if (!quiet || element !== this.current.anchor) this.show(index, element);
      });
  }

  private missing(index: number): void {
    const backFrom = this.backFrom;
    if (backFrom !== null) {
      // Pressing Back must not cost the user the tour: return to the step they came from.
      this.report({ deliveryId: this.opts.deliveryId, type: 'step_missing', step: index, skipped: true });
      this.enter(backFrom, null);
      return;
    }
    const step = this.steps[index];
    const skip = step.if_missing === 'skip' && index + 1 < this.steps.length;
    this.report({ deliveryId: this.opts.deliveryId, type: 'step_missing', step: index, skipped: skip });
    if (!this.live()) return;
    if (skip) this.enter(index + 1, null);
    else this.end('element_missing');
  }

  private show(index: number, anchor: Element | null): void {
    this.backFrom = null;
    if (!this.seen.has(index)) {
      this.seen.add(index);
      this.report({ deliveryId: this.opts.deliveryId, type: 'step_seen', step: index });
      if (!this.live()) return;
    }
    this.set('showing', index, anchor, null);
  }

  private end(reason: TourEnding): void {
    this.cancelFind();
    const { index } = this.current;
    this.report({ deliveryId: this.opts.deliveryId, type: 'ended', step: index, reason });
    if (this.stopped) return;
    this.set('ended', index, null, reason);
    this.opts.onEnd(reason);
  }

  private cancelFind(): void {
    this.generation += 1;
    this.pending?.abort();
    this.pending = null;
  }

  private report(progress: TourProgress): void {
    if (!this.stopped) this.opts.report(progress);
  }

  private stateFor(status: TourStatus, index: number, anchor: Element | null, ending: TourEnding | null): TourRunnerState {
    const previous = index > 0 ? this.steps[index - 1] : undefined;
    return {
      status,
      index,
      step: this.steps[index] ?? null,
      anchor,
      total: this.steps.length,
      canBack: status === 'showing' && previous !== undefined && stepOnPage(previous.page, this.page),
      ending,
    };
  }

  private set(status: TourStatus, index: number, anchor: Element | null, ending: TourEnding | null): void {
    this.current = this.stateFor(status, index, anchor, ending);
    if (!this.stopped) this.opts.onChange(this.current);
  }
}
