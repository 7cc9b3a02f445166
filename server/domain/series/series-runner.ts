/**
 * Moves contacts through series. A contact enters a live series when it
 * matches the entry rule (each contact once), then runs step by step until a
 * wait holds it: a message step sends its message (shown by the widget on the
 * next page, whatever the message's own audience), a wait holds until its
 * event happens or its days pass, a branch jumps on a rule.
 *
 * Every move is a compare-and-set on the enrollment's step, done before its
 * side effect: two nodes (or two events) advancing the same contact at once
 * send each message once. Branches only jump forward (checked on input), so a
 * run always ends.
 */
import type { Kysely } from 'kysely';
import { ruleVerdict, type Series, type SeriesStep, type SeriesStats } from '../../../protocol/index.js';
import type { ContactRow, Database, SeriesEnrollmentRow } from '../../store/index.js';
import type { AudienceScanner } from '../content/audience-scanner.js';
import { lastPage } from '../content/contact-facts.js';
import type { InAppMessages } from '../content/in-app.js';
import type { TargetingContexts } from '../content/targeting-contexts.js';
import { newId, nowIso } from '../ids.js';
import type { SeriesStore } from './series-store.js';

const DAY_MS = 86_400_000;
/** Enrollments looked at per timer tick (waits that may have expired). */
const TICK_BATCH = 500;

export class SeriesRunner {
  constructor(
    private readonly db: Kysely<Database>,
    readonly store: SeriesStore,
    private readonly contexts: TargetingContexts,
    private readonly inApp: InAppMessages,
    private readonly scanner: AudienceScanner,
  ) {}

  /**
   * Something about the contact changed: enter the series it now matches and
   * move on where it waits. Returns whether a message was sent.
   */
  async runForContact(contact: ContactRow, now = Date.now()): Promise<boolean> {
    const live = await this.store.liveIn(contact.workspace_id);
    if (live.length === 0) return false;
    const enrollments = await this.db.selectFrom('series_enrollments').selectAll().where('contact_id', '=', contact.id).execute();
    let sent = false;
    for (const series of live) {
      let enrollment = enrollments.find((e) => e.series_id === series.id);
      if (!enrollment) enrollment = (await this.enterIfMatching(series, contact, now)) ?? undefined;
      if (enrollment?.status === 'active') sent = (await this.advance(series, enrollment, contact, now)) || sent;
    }
    return sent;
  }

  /** A series went live: everyone already matching its entry rule enters. */
  async enterExisting(series: Series, workspaceId: string, now = Date.now()): Promise<number> {
    const matching: ContactRow[] = [];
    await this.scanner.scan(workspaceId, series.entry, (row) => void matching.push(row));
    let entered = 0;
    for (const contact of matching) {
      const enrollment = await this.enroll(series, contact, now);
      if (enrollment) {
        entered += 1;
        await this.advance(series, enrollment, contact, now);
      }
    }
    return entered;
  }

  /** The timer: moves on contacts whose wait may be over. Returns the contacts that got a message. */
  async tick(now = Date.now()): Promise<ContactRow[]> {
    const waiting = await this.db
      .selectFrom('series_enrollments')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('step_entered_at')
      .limit(TICK_BATCH)
      .execute();
    const messaged: ContactRow[] = [];
    // Many enrollments share a series: read each once per tick.
    const seriesById = new Map<string, Promise<Awaited<ReturnType<SeriesStore['byId']>>>>();
    for (const enrollment of waiting) {
      if (!seriesById.has(enrollment.series_id)) seriesById.set(enrollment.series_id, this.store.byId(enrollment.series_id));
      const found = await seriesById.get(enrollment.series_id);
      if (!found || found.series.status !== 'live') continue;
      const contact = await this.db.selectFrom('contacts').selectAll().where('id', '=', enrollment.contact_id).executeTakeFirst();
      if (contact && (await this.advance(found.series, enrollment, contact, now))) messaged.push(contact);
    }
    return messaged;
  }

  async stats(series: Series): Promise<SeriesStats> {
    const byStatus = await this.db
      .selectFrom('series_enrollments')
      .select(['status', 'step_index', (eb) => eb.fn.countAll<number>().as('n')])
      .where('series_id', '=', series.id)
      .groupBy(['status', 'step_index'])
      .execute();
    const visits = await this.db
      .selectFrom('series_step_visits')
      .select(['step_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('series_id', '=', series.id)
      .groupBy('step_id')
      .execute();
    const count = (status: string) => byStatus.filter((r) => r.status === status).reduce((sum, r) => sum + Number(r.n), 0);
    return {
      entered: byStatus.reduce((sum, r) => sum + Number(r.n), 0),
      active: count('active'),
      completed: count('completed'),
      exited: count('exited'),
      steps: series.steps.map((step, i) => ({
        id: step.id,
        reached: Number(visits.find((v) => v.step_id === step.id)?.n ?? 0),
        current: byStatus.filter((r) => r.status === 'active' && Number(r.step_index) === i).reduce((sum, r) => sum + Number(r.n), 0),
      })),
    };
  }

  private async enterIfMatching(series: Series, contact: ContactRow, now: number): Promise<SeriesEnrollmentRow | null> {
    const ctx = await this.contexts.forContact(contact, [series.entry], now);
    if (ruleVerdict(series.entry, { ...ctx, page: lastPage(contact) }, now) !== true) return null;
    return this.enroll(series, contact, now);
  }

  /** Enters once: the unique (series, contact) pair makes a second entry a no-op. */
  private async enroll(series: Series, contact: ContactRow, now: number): Promise<SeriesEnrollmentRow | null> {
    const at = new Date(now).toISOString();
    const row: SeriesEnrollmentRow = {
      id: newId('enr'),
      workspace_id: contact.workspace_id,
      series_id: series.id,
      contact_id: contact.id,
      step_index: 0,
      step_entered_at: at,
      status: 'active',
      entered_at: at,
      updated_at: at,
    };
    const result = await this.db
      .insertInto('series_enrollments')
      .values(row)
      .onConflict((oc) => oc.columns(['series_id', 'contact_id']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    if (series.steps[0]) await this.visit(row, series.steps[0], at);
    return row;
  }

  /** Runs steps until a wait holds the contact or the series ends. */
  private async advance(series: Series, start: SeriesEnrollmentRow, contact: ContactRow, now: number): Promise<boolean> {
    let enrollment = start;
    let sent = false;
    for (let guard = 0; guard <= series.steps.length; guard++) {
      const step = series.steps[enrollment.step_index];
      if (!step) {
        await this.move(enrollment, series, series.steps.length, 'completed', now);
        return sent;
      }
      let target: number | 'exit';
      if (step.type === 'wait') {
        if (!(await this.waitIsOver(step, enrollment, contact, now))) return sent;
        target = enrollment.step_index + 1;
      } else if (step.type === 'branch') {
        const ctx = await this.contexts.forContact(contact, [step.rule], now);
        const holds = ruleVerdict(step.rule, { ...ctx, page: lastPage(contact) }, now) === true;
        target = this.resolve(series, enrollment.step_index, holds ? step.then : step.else);
      } else {
        target = enrollment.step_index + 1;
      }
      const next = await this.move(enrollment, series, target, target === 'exit' ? 'exited' : 'active', now);
      if (!next) return sent; // someone else moved this contact on
      if (step.type === 'message') {
        await this.inApp.sendFromSeries(contact, step.message_id, series.id);
        sent = true;
      }
      if (next.status !== 'active') return sent;
      enrollment = next;
    }
    return sent;
  }

  private resolve(series: Series, from: number, target: string): number | 'exit' {
    if (target === 'exit') return 'exit';
    if (target === 'next') return from + 1;
    const at = series.steps.findIndex((s) => s.id === target);
    return at > from ? at : 'exit';
  }

  private async waitIsOver(step: Extract<SeriesStep, { type: 'wait' }>, enrollment: SeriesEnrollmentRow, contact: ContactRow, now: number): Promise<boolean> {
    if (now - Date.parse(enrollment.step_entered_at) >= step.days * DAY_MS) return true;
    if (!step.until_event) return false;
    const happened = await this.db
      .selectFrom('events')
      .select('id')
      .where('contact_id', '=', contact.id)
      .where('name', '=', step.until_event)
      .where('occurred_at', '>=', enrollment.step_entered_at)
      .limit(1)
      .executeTakeFirst();
    return happened !== undefined;
  }

  /** Compare-and-set from the enrollment's current step; null when it had already moved. */
  private async move(
    enrollment: SeriesEnrollmentRow,
    series: Series,
    target: number | 'exit',
    status: SeriesEnrollmentRow['status'],
    now: number,
  ): Promise<SeriesEnrollmentRow | null> {
    const at = new Date(now).toISOString();
    const stepIndex = target === 'exit' ? enrollment.step_index : target;
    const finalStatus = status === 'active' && stepIndex >= series.steps.length ? 'completed' : status;
    const result = await this.db
      .updateTable('series_enrollments')
      .set({ step_index: stepIndex, step_entered_at: at, status: finalStatus, updated_at: nowIso() })
      .where('id', '=', enrollment.id)
      .where('step_index', '=', enrollment.step_index)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return null;
    const next = { ...enrollment, step_index: stepIndex, step_entered_at: at, status: finalStatus };
    const step = series.steps[stepIndex];
    if (finalStatus === 'active' && step) await this.visit(next, step, at);
    return next;
  }

  private async visit(enrollment: SeriesEnrollmentRow, step: SeriesStep, at: string): Promise<void> {
    await this.db
      .insertInto('series_step_visits')
      .values({ enrollment_id: enrollment.id, series_id: enrollment.series_id, step_id: step.id, reached_at: at })
      .onConflict((oc) => oc.columns(['enrollment_id', 'step_id']).doNothing())
      .execute();
  }
}
