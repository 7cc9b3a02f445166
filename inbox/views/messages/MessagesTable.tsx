/** `#/messages`: every in-app message with its format, status and headline stats, and "New message". */
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount, formatRate } from '../../format/stats.js';
import { FORMAT_LABELS, StatusBadge } from '../content/ContentPage.js';
import { ContentTable } from '../content/ContentTable.js';
import { useContentList, useRowData } from '../content/use-content-list.js';

type StatsApi = Pick<InboxApi, 'listInAppMessages' | 'getMessageStats'>;

const COLUMNS = [
  { label: 'Format' },
  { label: 'Status' },
  { label: 'Sent', number: true },
  { label: 'Shown', number: true },
  { label: 'Clicked', number: true },
  { label: 'CTR', number: true },
  { label: 'Goal rate', number: true },
];

export function MessagesTable({ api }: { api: StatsApi }) {
  const { resource, retry, list } = useContentList('messages', () => api.listInAppMessages().then((page) => page.data));
  const stats = useRowData(list, (m, signal) => api.getMessageStats(m.id, signal));

  return (
    <ContentTable
      section="messages"
      titleId="messages-title"
      title="Messages"
      newLabel="New message"
      resource={resource}
      onRetry={retry}
      empty={{
        title: 'No in-app messages yet',
        hint: 'Chats, posts, banners, modals and tooltips shown to the right people at the right moment.',
      }}
      columns={COLUMNS}
      cells={(m) => {
        const s = stats.get(m.id);
        return (
          <>
            <td>{FORMAT_LABELS[m.format]}</td>
            <td>
              <StatusBadge status={m.status} />
            </td>
            <td class="data-table__number">{formatCount(s?.sent)}</td>
            <td class="data-table__number">{formatCount(s?.shown)}</td>
            <td class="data-table__number">{formatCount(s?.clicked)}</td>
            <td class="data-table__number">{formatRate(s?.ctr)}</td>
            <td class="data-table__number">{formatRate(s?.goal_rate)}</td>
          </>
        );
      }}
    />
  );
}
