/**
 * In-app messages in the browser, free of DOM code: keeps the list the server
 * sent (refreshed on every connect and pushed on changes), watches the visit
 * (page, time on page, tracked events), and when a message's moment comes and
 * its slot is free, claims it from the server (which enforces the send limit)
 * and shows it. Reports shown / opened / clicked / dismissed back.
 */
import type { ContentSnapshot, EligibleMessage, WidgetOutcome } from '../../../protocol/content/models.js';
import type { Ack } from '../../../protocol/ack.js';
import type { PageInfo } from '../../../protocol/targeting/context.js';
import type { Answers } from '../../../protocol/surveys/models.js';
import { isMoment, isQuiet, slotOf, dependsOnTime, type Slot, type Visit } from './moment.js';

export interface ShowingMessage {
  message: EligibleMessage;
  deliveryId: string;
}

export interface InAppState {
  showing: ShowingMessage[];
}

/** What the engine needs from the connection (the chat client's transport, shared by all tabs). */
export interface InAppServer {
  request<T>(event: 'content:list' | 'content:claim' | 'content:outcome' | 'survey:answer' | 'survey:start' | 'tour:start', payload: unknown): Promise<Ack<T> | null>;
}

export interface InAppClientOptions {
  server: InAppServer;
  quietPages: readonly string[];
  /** The tab's page now. */
  page: PageInfo;
  now?: () => number;
  /** Called with a delay in ms when time on page may make a message due; returns a cancel function. */
  schedule?: (ms: number, run: () => void) => () => void;
  /** Tooltips need their element on the page; until it is there the message waits. */
  hasAnchor?: (selector: string) => boolean;
  onShown?: (message: EligibleMessage) => void;
  onSurveyCompleted?: (surveyId: string) => void;
}

const TICK_MS = 1_000;
const RETRY_MS = 2_000;

export class InAppClient {
  state: InAppState = { showing: [] };
  private messages: EligibleMessage[] = [];
  /** Messages done with on this page (shown and closed, or refused): not offered again until the list changes. */
  private readonly done = new Set<string>();
  private readonly claiming = new Set<string>();
  private readonly fired = new Set<string>();
  private page: PageInfo;
  private pageSince: number;
  private cancelTick: (() => void) | null = null;
  private readonly listeners = new Set<(s: InAppState) => void>();
  private readonly now: () => number;

  constructor(private readonly opts: InAppClientOptions) {
    this.now = opts.now ?? Date.now;
    this.page = opts.page;
    this.pageSince = this.now();
  }

  subscribe(listener: (s: InAppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** (Re)connected: ask for the current list. */
  async refresh(): Promise<void> {
    const res = await this.opts.server.request<ContentSnapshot>('content:list', {});
    if (res?.ok) this.setSnapshot(res.data);
  }

  /** A list from the server (answer or push). Messages no longer eligible leave, unless on screen. */
  setSnapshot(snapshot: ContentSnapshot): void {
    this.messages = [...snapshot.messages].sort((a, b) => b.priority - a.priority);
    this.evaluate();
  }

  /** A page view or SPA route change: the page changes and time on page restarts. */
  setPage(page: PageInfo): void {
    if (page.url === this.page.url) return;
    this.page = page;
    this.pageSince = this.now();
    this.fired.clear();
    this.done.clear();
    // What points at the old page's elements goes, and so does what was meant for the old page;
    // both stay open on the server and show again where their moment holds.
    const visit = this.visit();
    // A tour on screen goes on across pages: its steps say where they belong.
    this.update(this.state.showing.filter((s) => s.message.format === 'tour' || (s.message.format !== 'tooltip' && isMoment(s.message, visit))));
    this.evaluate();
  }

  /** `Messenger.track(name)` in this tab. */
  tracked(name: string): void {
    this.fired.add(name);
    this.evaluate();
  }

  /** The user acted on a message on screen. Closing outcomes take it off the screen. */
  report(deliveryId: string, outcome: WidgetOutcome): void {
    void this.opts.server.request('content:outcome', { deliveryId, outcome });
    if (outcome !== 'shown') this.close(deliveryId);
  }

  /**
   * Saves a survey's answers so far (partial answers count, and let a reload
   * resume); `completed` closes it for good. The survey stays on screen for its
   * thank-you step until `close`.
   */
  async answer(deliveryId: string, answers: Answers, completed: boolean): Promise<boolean> {
    const showing = this.state.showing.find((s) => s.deliveryId === deliveryId);
    if (showing?.message.survey) {
      // Kept locally too, so a re-render (or the server being slow) never loses an answer.
      const message = { ...showing.message, survey: { ...showing.message.survey, answers } };
      this.update(this.state.showing.map((s) => (s === showing ? { ...s, message } : s)));
    }
    const res = await this.opts.server.request<{ completed: boolean }>('survey:answer', { deliveryId, answers, completed });
    if (res?.ok && completed && showing) this.opts.onSurveyCompleted?.(showing.message.id);
    return res?.ok ?? false;
  }

  /**
   * Takes a message off the screen for the rest of this page, without reporting
   * an outcome (a completed survey's thank-you closed; `report` calls it after its own).
   */
  close(deliveryId: string): void {
    const leaving = this.state.showing.find((s) => s.deliveryId === deliveryId);
    if (!leaving) return;
    this.done.add(leaving.message.id);
    this.messages = this.messages.filter((m) => m.id !== leaving.message.id);
    this.update(this.state.showing.filter((s) => s !== leaving));
    this.evaluate();
  }

  /**
   * `Messenger.startSurvey(id)` / `startTour(id)`: shown now, in place of
   * whatever overlay is up (that one stays open for later). Asked again while
   * there is no answer (the socket may still be connecting right after boot);
   * false when refused.
   */
  async start(kind: 'survey' | 'tour', id: string, attempts = 5): Promise<boolean> {
    const ask = () => this.opts.server.request<{ message: EligibleMessage }>(`${kind}:start`, kind === 'tour' ? { tourId: id } : { surveyId: id });
    let res = await ask();
    for (let i = 1; res === null && i < attempts; i++) {
      await new Promise((r) => setTimeout(r, RETRY_MS));
      res = await ask();
    }
    if (!res?.ok || !res.data.message.deliveryId) return false;
    const message = res.data.message;
    const deliveryId = message.deliveryId as string;
    this.messages = [message, ...this.messages.filter((m) => m.id !== message.id)];
    const others = this.state.showing.filter((s) => slotOf(s.message.format) !== 'overlay' && s.message.id !== message.id);
    this.update([...others, { message, deliveryId }]);
    this.report(deliveryId, 'shown');
    this.opts.onShown?.(message);
    return true;
  }

  stop(): void {
    this.cancelTick?.();
    this.cancelTick = null;
    this.listeners.clear();
  }

  private visit(): Visit {
    return { page: this.page, timeOnPageS: Math.max(0, (this.now() - this.pageSince) / 1_000), firedEvents: this.fired };
  }

  /** Shows what is due, in priority order, one per slot. */
  private evaluate(): void {
    this.cancelTick?.();
    this.cancelTick = null;
    if (isQuiet(this.opts.quietPages, this.page)) return;
    const visit = this.visit();
    const busy = new Set<Slot>(this.state.showing.map((s) => slotOf(s.message.format)));
    const onScreen = new Set(this.state.showing.map((s) => s.message.id));
    let waiting = false;
    for (const message of this.messages) {
      if (onScreen.has(message.id) || this.done.has(message.id) || this.claiming.has(message.id)) continue;
      const slot = slotOf(message.format);
      if (busy.has(slot)) continue;
      const anchored = message.format !== 'tooltip' || (message.selector !== null && (this.opts.hasAnchor?.(message.selector) ?? false));
      if (!anchored || !isMoment(message, visit)) {
        if (dependsOnTime(message) || !anchored) waiting = true;
        continue;
      }
      busy.add(slot);
      void this.show(message);
    }
    if (waiting && this.opts.schedule) this.cancelTick = this.opts.schedule(TICK_MS, () => this.evaluate());
  }

  private async show(message: EligibleMessage): Promise<void> {
    let deliveryId = message.deliveryId;
    if (!deliveryId) {
      this.claiming.add(message.id);
      const res = await this.opts.server.request<{ deliveryId: string }>('content:claim', { messageId: message.id }).finally(() => this.claiming.delete(message.id));
      if (!res) {
        // No answer (offline, a reconnect, the leader tab changing): ask again shortly.
        this.cancelTick ??= this.opts.schedule?.(RETRY_MS, () => this.evaluate()) ?? null;
        return;
      }
      if (!res.ok) {
        // Refused (send limit, schedule): not on this page; a later list may offer it again.
        this.done.add(message.id);
        this.evaluate();
        return;
      }
      deliveryId = res.data.deliveryId;
      const claimed = { ...message, deliveryId };
      this.messages = this.messages.map((m) => (m.id === message.id ? claimed : m));
      message = claimed;
    }
    if (this.state.showing.some((s) => slotOf(s.message.format) === slotOf(message.format))) return;
    this.update([...this.state.showing, { message, deliveryId }]);
    this.report(deliveryId, 'shown');
    this.opts.onShown?.(message);
  }

  private update(showing: ShowingMessage[]): void {
    this.state = { showing };
    this.listeners.forEach((l) => l(this.state));
  }
}
