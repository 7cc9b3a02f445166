/** `#/series`: every series with its status and how many contacts entered, are active and completed. */
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { StatusBadge } from '../content/ContentPage.js';
import { ContentTable } from '../content/ContentTable.js';
import { useContentList, useRowData } from '../content/use-content-list.js';

type ListApi = Pick<InboxApi, 'listSeries' | 'getSeriesStats'>;

const COLUMNS = [
  { label: 'Status' },
  { label: 'Entered', number: true },
  { label: 'Active', number: true },
  { label: 'Completed', number: true },
];

export function SeriesTable({ api }: { api: ListApi }) {
  const { resource, retry, list } = useContentList('series', () => api.listSeries().then((p) => p.data));
  const stats = useRowData(list, (s, signal) => api.getSeriesStats(s.id, signal));

  return (
    <ContentTable
      section="series"
      titleId="series-list-title"
      title="Series"
      newLabel="New series"
      resource={resource}
      onRetry={retry}
      empty={{ title: 'No series yet', hint: 'Send messages in order over days, waiting and branching on what each contact does.' }}
      columns={COLUMNS}
      cells={(s) => {
        const st = stats.get(s.id);
        return (
          <>
            <td>
              <StatusBadge status={s.status} />
            </td>
            <td class="data-table__number">{formatCount(st?.entered)}</td>
            <td class="data-table__number">{formatCount(st?.active)}</td>
            <td class="data-table__number">{formatCount(st?.completed)}</td>
          </>
        );
      }}
    />
  );
}
