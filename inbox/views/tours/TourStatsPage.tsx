/**
 * `#/tours/<id>/stats`: how a tour does. Tiles for the runs started and
 * completed, the completion rate, the runs dismissed and those that ended
 * because an element never appeared; then the drop-off funnel, one bar per
 * step. Refreshed every 10 s while the tab is visible; a failed refresh
 * keeps the last numbers.
 */
import type { Tour, TourStats } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount, formatRate } from '../../format/stats.js';
import { contentHref } from '../../host/hash-route.js';
import { funnelRows } from '../../state/tour-stats.js';
import { ContentPage } from '../content/ContentPage.js';
import { LoadState } from '../content/LoadState.js';
import { StatTile } from '../content/StatTile.js';
import { PollStatus, usePolledData } from '../content/use-polled-data.js';
import { useResource } from '../content/use-resource.js';
import { FunnelChart } from '../surveys/charts/FunnelChart.js';
import '../../styles/content.css';
import '../../styles/surveys.css';
import '../../styles/tours.css';

type StatsApi = Pick<InboxApi, 'getTour' | 'getTourStats'>;

export function TourStatsPage({ api, id }: { api: StatsApi; id: string }) {
  const { resource: tour, retry } = useResource<Tour>(() => api.getTour(id), id, 'Could not load the tour.');
  const stats = usePolledData((signal) => api.getTourStats(id, signal), id, 'Could not load the stats.');
  const saved = tour.status === 'ready' ? tour.value : null;
  const editHref = contentHref('tours', { id });

  return (
    <ContentPage
      titleId="tour-stats-title"
      title="Stats"
      back={{ href: editHref, label: saved ? saved.name : 'Tour' }}
      wide
      actions={
        <a class="button" href={editHref}>
          Edit tour
        </a>
      }
    >
      {tour.status !== 'ready' && <LoadState resource={tour} what="tour" onRetry={retry} />}
      <PollStatus data={stats} what="stats" />
      {stats.value && <StatsBody stats={stats.value} tour={saved} />}
    </ContentPage>
  );
}

function StatsBody({ stats, tour }: { stats: TourStats; tour: Tour | null }) {
  const started = stats.started;
  return (
    <>
      <div class="result-tiles">
        <StatTile id="started" label="Started" value={formatCount(started)}>
          <p>Runs that showed step 1</p>
        </StatTile>
        <StatTile id="completed" label="Completed" value={formatCount(stats.completed)}>
          <p>Reached “Done”</p>
        </StatTile>
        <StatTile id="completion" label="Completion" value={formatRate(stats.completion_rate)}>
          <p>Of {formatCount(started)} started</p>
        </StatTile>
        <StatTile id="dismissed" label="Dismissed" value={formatCount(stats.dismissed)}>
          <p>Closed before the end</p>
        </StatTile>
        <StatTile id="missing" label="Element missing" value={formatCount(stats.element_missing)}>
          <p>Ended when an element never appeared</p>
        </StatTile>
      </div>
      <section class="results-section" aria-labelledby="tour-funnel-title">
        <h2 id="tour-funnel-title" class="settings__section-title">
          Drop-off by step
        </h2>
        {started === 0 ? (
          <div class="empty-state empty-state--compact">
            <p class="empty-state__title">No runs yet</p>
            <p class="empty-state__hint">The funnel fills in as contacts take the tour; this page refreshes itself.</p>
          </div>
        ) : (
          <FunnelChart title="Runs that saw each step" rows={funnelRows(stats, tour?.steps ?? [])} started={started} />
        )}
      </section>
    </>
  );
}
