/**
 * Tour runs: where each user is in a tour (so it resumes on the next page),
 * how each run ended, and the per-step events behind the drop-off funnel.
 * Every report is idempotent (a new page reports the step it resumes on
 * again; two tabs may report the same step), and a finished run takes no
 * more progress. What happens is also written to the contact as events —
 * `tour_started`, `tour_step_seen`, `tour_element_missing`, `tour_completed`,
 * `tour_dismissed` — so it can be targeted on (the closed loop of DESIGN.md §4).
 */
import type { Kysely } from 'kysely';
import type { TourProgress, TourStats } from '../../../protocol/index.js';
import type { ContactRow, Database, TourRunRow, TourStepEventRow } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import type { Campaign, CampaignStore } from '../content/campaign-store.js';
import type { Deliveries } from '../content/deliveries.js';
import { ParleyError } from '../errors.js';
import type { EventLog } from '../events/index.js';
import { nowIso } from '../ids.js';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export class TourRuns {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly deps: { campaigns: CampaignStore; deliveries: Deliveries; events: EventLog; bus?: DomainBus },
  ) {}

  /** The step each run is on. */
  async placesFor(deliveryIds: string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    if (deliveryIds.length === 0) return found;
    const rows = await this.db.selectFrom('tour_runs').select(['delivery_id', 'at']).where('delivery_id', 'in', deliveryIds).execute();
    for (const row of rows) found.set(row.delivery_id, Number(row.at));
    return found;
  }

  async progress(contact: ContactRow, input: TourProgress): Promise<{ status: TourRunRow['status'] }> {
    const { campaigns, deliveries } = this.deps;
    const delivery = await deliveries.get(contact, input.deliveryId);
    const tour = await campaigns.get(contact.workspace_id, delivery.campaign_id, 'tour');
    const steps = tour.tour?.steps ?? [];
    const step = steps[input.step];
    if (!step) throw new ParleyError('validation_failed', `step: the tour has ${steps.length} steps`);

    const now = nowIso();
    await this.db
      .insertInto('tour_runs')
      .values({ delivery_id: delivery.id, workspace_id: contact.workspace_id, tour_id: tour.id, contact_id: contact.id, at: 0, status: 'running', ended_step: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('delivery_id').doNothing())
      .execute();
    const run = await this.db.selectFrom('tour_runs').selectAll().where('delivery_id', '=', delivery.id).executeTakeFirstOrThrow();
    if (run.status !== 'running') return { status: run.status }; // finished: later reports change nothing

    const event = (name: string, props: Record<string, string | number | boolean> = {}) =>
      this.deps.events.record(contact, [{ id: `${delivery.id}:${name}:${step.id}`, type: 'track', name, props: { tour_id: tour.id, tour_name: tour.name, step: input.step, step_id: step.id, ...props } }]);

    if (input.type === 'step_seen') {
      await this.db.updateTable('tour_runs').set({ at: input.step, updated_at: now }).where('delivery_id', '=', delivery.id).where('status', '=', 'running').execute();
      if (await this.stepEvent(delivery.id, tour, step.id, 'seen', now)) {
        if (!delivery.shown_at) {
          await deliveries.record(contact, delivery, 'shown', tour);
          await event('tour_started');
        }
        await event('tour_step_seen');
      }
      return { status: 'running' };
    }
    if (input.type === 'step_missing') {
      if (await this.stepEvent(delivery.id, tour, step.id, 'missing', now)) await event('tour_element_missing', { selector: step.selector ?? '', skipped: input.skipped });
      return { status: 'running' };
    }

    // Ended: once (the status guard), then the delivery closes so the tour is not shown again.
    const ended = await this.db
      .updateTable('tour_runs')
      .set({ status: input.reason, ended_step: input.step, at: input.step, updated_at: now })
      .where('delivery_id', '=', delivery.id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (ended.numUpdatedRows === 0n) return { status: run.status };
    if (input.reason === 'dismissed') await this.stepEvent(delivery.id, tour, step.id, 'dismissed', now);
    await deliveries.record(contact, delivery, input.reason === 'completed' ? 'replied' : 'dismissed', tour);
    if (input.reason === 'completed') {
      await event('tour_completed');
      this.deps.bus?.publish('tour.completed', {
        workspaceId: contact.workspace_id,
        contactId: contact.id,
        tour: { tour_id: tour.id, tour_name: tour.name, contact_id: contact.id, delivery_id: delivery.id, completed_at: now },
      });
    }
    if (input.reason === 'dismissed') await event('tour_dismissed');
    return { status: input.reason };
  }

  /** The drop-off funnel of a tour. */
  async stats(tour: Campaign): Promise<TourStats> {
    const runs = await this.db.selectFrom('tour_runs').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).where('tour_id', '=', tour.id).groupBy('status').execute();
    const byStatus = new Map(runs.map((r) => [r.status, Number(r.n)]));
    const events = await this.db
      .selectFrom('tour_step_events')
      .select((eb) => ['step_id', 'kind', eb.fn.countAll<number>().as('n')])
      .where('tour_id', '=', tour.id)
      .groupBy(['step_id', 'kind'])
      .execute();
    const count = (stepId: string, kind: TourStepEventRow['kind']) => Number(events.find((e) => e.step_id === stepId && e.kind === kind)?.n ?? 0);
    const started = [...byStatus.values()].reduce((a, b) => a + b, 0);
    const completed = byStatus.get('completed') ?? 0;
    return {
      started,
      completed,
      dismissed: byStatus.get('dismissed') ?? 0,
      element_missing: byStatus.get('element_missing') ?? 0,
      completion_rate: rate(completed, started),
      steps: (tour.tour?.steps ?? []).map((s) => ({ id: s.id, seen: count(s.id, 'seen'), dismissed: count(s.id, 'dismissed'), missing: count(s.id, 'missing') })),
    };
  }

  /** Writes a step event once; true when this call wrote it. */
  private async stepEvent(deliveryId: string, tour: Campaign, stepId: string, kind: TourStepEventRow['kind'], at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('tour_step_events')
      .values({ delivery_id: deliveryId, tour_id: tour.id, step_id: stepId, kind, at })
      .onConflict((oc) => oc.columns(['delivery_id', 'step_id', 'kind']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
}
