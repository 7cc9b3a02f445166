/** `#/messages`: every in-app message with its format, status and headline stats, and "New message". */
import { useEffect, useState } from 'preact/hooks';
import type { InAppMessage, MessageStats } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount, formatRate } from '../../format/stats.js';
import { contentHref } from '../../host/hash-route.js';
import { ContentPage, FORMAT_LABELS, StatusBadge } from '../content/ContentPage.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import '../../styles/tables.css';

type StatsApi = Pick<InboxApi, 'listInAppMessages' | 'getMessageStats'>;

/** Stats of each listed message, fetched side by side; a failed one shows dashes. */
function useStatsOf(api: StatsApi, messages: readonly InAppMessage[] | null): ReadonlyMap<string, MessageStats | null> {
  const [stats, setStats] = useState<ReadonlyMap<string, MessageStats | null>>(new Map());
  const ids = messages?.map((m) => m.id).join(',') ?? '';
  useEffect(() => {
    if (!messages) return;
    const controller = new AbortController();
    void Promise.all(
      messages.map((m) =>
        api.getMessageStats(m.id, controller.signal).then(
          (s): [string, MessageStats | null] => [m.id, s],
          (): [string, MessageStats | null] => [m.id, null],
        ),
      ),
    ).then((entries) => {
      if (!controller.signal.aborted) setStats(new Map(entries));
    });
    return () => controller.abort();
  }, [ids]);
  return stats;
}

export function MessagesTable({ api }: { api: StatsApi }) {
  const { resource, retry } = useResource((_signal) => api.listInAppMessages().then((page) => page.data), 'messages', 'Could not load the messages.');
  const messages = resource.status === 'ready' ? resource.value : null;
  const stats = useStatsOf(api, messages);

  return (
    <ContentPage
      titleId="messages-title"
      title="Messages"
      wide
      actions={
        <a class="button button--primary" href={contentHref('messages', 'new')}>
          New message
        </a>
      }
    >
      <LoadState resource={resource} what="messages" onRetry={retry} />
      {messages && messages.length === 0 && (
        <div class="empty-state empty-state--compact">
          <p class="empty-state__title">No in-app messages yet</p>
          <p class="empty-state__hint">Chats, posts, banners, modals and tooltips shown to the right people at the right moment.</p>
        </div>
      )}
      {messages && messages.length > 0 && (
        <div class="data-table__wrap">
          <table class="data-table" aria-labelledby="messages-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Format</th>
                <th scope="col">Status</th>
                <th scope="col" class="data-table__number">Sent</th>
                <th scope="col" class="data-table__number">Shown</th>
                <th scope="col" class="data-table__number">Clicked</th>
                <th scope="col" class="data-table__number">CTR</th>
                <th scope="col" class="data-table__number">Goal rate</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => {
                const s = stats.get(m.id);
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <a href={contentHref('messages', { id: m.id })}>{m.name}</a>
                    </th>
                    <td>{FORMAT_LABELS[m.format]}</td>
                    <td>
                      <StatusBadge status={m.status} />
                    </td>
                    <td class="data-table__number">{formatCount(s?.sent)}</td>
                    <td class="data-table__number">{formatCount(s?.shown)}</td>
                    <td class="data-table__number">{formatCount(s?.clicked)}</td>
                    <td class="data-table__number">{formatRate(s?.ctr)}</td>
                    <td class="data-table__number">{formatRate(s?.goal_rate)}</td>
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
