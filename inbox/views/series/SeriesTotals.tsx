/** A saved series' "Stats": entered, active, completed and exited, refreshed every 10 s while the tab is visible. */
import { useState } from 'preact/hooks';
import type { SeriesStats } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { usePolling } from '../../host/use-polling.js';

export const SERIES_STATS_REFRESH_MS = 10_000;

export function useSeriesStats(api: Pick<InboxApi, 'getSeriesStats'>, seriesId: string | null): SeriesStats | null {
  const [stats, setStats] = useState<SeriesStats | null>(null);
  usePolling(
    (signal) => {
      if (!seriesId) return;
      api.getSeriesStats(seriesId, signal).then(
        (next) => !signal.aborted && setStats(next),
        () => undefined, // Keep the last numbers; the editor works without them.
      );
    },
    SERIES_STATS_REFRESH_MS,
    seriesId ?? '',
  );
  return seriesId ? stats : null;
}

export function SeriesTotals({ stats }: { stats: SeriesStats | null }) {
  const rows: Array<[string, number | undefined]> = [
    ['Entered', stats?.entered],
    ['Active', stats?.active],
    ['Completed', stats?.completed],
    ['Exited', stats?.exited],
  ];
  return (
    <section class="stats-panel series-totals" aria-labelledby="series-stats-title">
      <h2 id="series-stats-title" class="settings__section-title">
        Stats
      </h2>
      <dl class="stats-grid">
        {rows.map(([label, value]) => (
          <div key={label} class="stats-grid__item">
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
