/** `#/series`: every series with its status and how many contacts entered, are active and completed. */
import { useEffect, useState } from 'preact/hooks';
import type { Series, SeriesStats } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { contentHref } from '../../host/hash-route.js';
import { ContentPage, StatusBadge } from '../content/ContentPage.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import '../../styles/tables.css';

type ListApi = Pick<InboxApi, 'listSeries' | 'getSeriesStats'>;

function useStatsOf(api: ListApi, list: readonly Series[] | null): ReadonlyMap<string, SeriesStats | null> {
  const [stats, setStats] = useState<ReadonlyMap<string, SeriesStats | null>>(new Map());
  const ids = list?.map((s) => s.id).join(',') ?? '';
  useEffect(() => {
    if (!list) return;
    const controller = new AbortController();
    void Promise.all(
      list.map((s) =>
        api.getSeriesStats(s.id, controller.signal).then(
          (r): [string, SeriesStats | null] => [s.id, r],
          (): [string, SeriesStats | null] => [s.id, null],
        ),
      ),
    ).then((entries) => {
      if (!controller.signal.aborted) setStats(new Map(entries));
    });
    return () => controller.abort();
  }, [ids]);
  return stats;
}

export function SeriesTable({ api }: { api: ListApi }) {
  const { resource, retry } = useResource(() => api.listSeries().then((p) => p.data), 'series', 'Could not load the series.');
  const list = resource.status === 'ready' ? resource.value : null;
  const stats = useStatsOf(api, list);

  return (
    <ContentPage
      titleId="series-list-title"
      title="Series"
      wide
      actions={
        <a class="button button--primary" href={contentHref('series', 'new')}>
          New series
        </a>
      }
    >
      <LoadState resource={resource} what="series" onRetry={retry} />
      {list && list.length === 0 && (
        <div class="empty-state empty-state--compact">
          <p class="empty-state__title">No series yet</p>
          <p class="empty-state__hint">Send messages in order over days, waiting and branching on what each contact does.</p>
        </div>
      )}
      {list && list.length > 0 && (
        <div class="data-table__wrap">
          <table class="data-table" aria-labelledby="series-list-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col" class="data-table__number">Entered</th>
                <th scope="col" class="data-table__number">Active</th>
                <th scope="col" class="data-table__number">Completed</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => {
                const st = stats.get(s.id);
                return (
                  <tr key={s.id}>
                    <th scope="row">
                      <a href={contentHref('series', { id: s.id })}>{s.name}</a>
                    </th>
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                    <td class="data-table__number">{formatCount(st?.entered)}</td>
                    <td class="data-table__number">{formatCount(st?.active)}</td>
                    <td class="data-table__number">{formatCount(st?.completed)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </ContentPage>
  );
}
