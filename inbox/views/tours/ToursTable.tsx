/** `#/tours`: every product tour with its status, number of steps, trigger, when it last changed and a link to its stats; "New tour". */
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { formatDateTime, formatRelative } from '../../format/relative-time.js';
import { tourStatsHref } from '../../host/hash-route.js';
import { useNow } from '../../host/use-now.js';
import { describeTrigger } from '../../state/delivery-draft.js';
import { StatusBadge } from '../content/ContentPage.js';
import { ContentTable } from '../content/ContentTable.js';
import { useContentList } from '../content/use-content-list.js';

const COLUMNS = [{ label: 'Status' }, { label: 'Steps', number: true }, { label: 'Trigger' }, { label: 'Updated' }, { label: 'Stats' }];

export function ToursTable({ api }: { api: Pick<InboxApi, 'listTours'> }) {
  const { resource, retry } = useContentList('tours', () => api.listTours().then((p) => p.data));
  const now = useNow(60_000);

  return (
    <ContentTable
      section="tours"
      titleId="tours-title"
      title="Tours"
      newLabel="New tour"
      resource={resource}
      onRetry={retry}
      empty={{ title: 'No tours yet', hint: 'Walk people through your product step by step: posts, tooltips and spotlights on the elements that matter.' }}
      columns={COLUMNS}
      cells={(t) => (
        <>
          <td>
            <StatusBadge status={t.status} />
          </td>
          <td class="data-table__number">{formatCount(t.steps.length)}</td>
          <td>{describeTrigger(t.trigger)}</td>
          <td>
            <time dateTime={t.updated_at} title={formatDateTime(t.updated_at)}>
              {formatRelative(t.updated_at, now)}
            </time>
          </td>
          <td>
            {/* Named "Stats" alone (the row header says whose), like the surveys' "Results". */}
            <a href={tourStatsHref(t.id)}>Stats</a>
          </td>
        </>
      )}
    />
  );
}
