/** `#/segments`: saved segments with how many contacts each matches now, and "New segment". */
import { useEffect, useState } from 'preact/hooks';
import type { Segment } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { contentHref } from '../../host/hash-route.js';
import { ContentPage } from '../content/ContentPage.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import '../../styles/tables.css';

type ListApi = Pick<InboxApi, 'listSegments' | 'countSegment'>;

/** Each segment's count of matching contacts now, asked side by side; a failed one shows a dash. */
function useCounts(api: ListApi, segments: readonly Segment[] | null): ReadonlyMap<string, number | null> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number | null>>(new Map());
  const ids = segments?.map((s) => s.id).join(',') ?? '';
  useEffect(() => {
    if (!segments) return;
    const controller = new AbortController();
    void Promise.all(
      segments.map((s) =>
        api.countSegment(s.id, controller.signal).then(
          (r): [string, number | null] => [s.id, r.count],
          (): [string, number | null] => [s.id, null],
        ),
      ),
    ).then((entries) => {
      if (!controller.signal.aborted) setCounts(new Map(entries));
    });
    return () => controller.abort();
  }, [ids]);
  return counts;
}

export function SegmentsTable({ api }: { api: ListApi }) {
  const { resource, retry } = useResource(() => api.listSegments().then((p) => p.data), 'segments', 'Could not load the segments.');
  const segments = resource.status === 'ready' ? resource.value : null;
  const counts = useCounts(api, segments);

  return (
    <ContentPage
      titleId="segments-title"
      title="Segments"
      wide
      actions={
        <a class="button button--primary" href={contentHref('segments', 'new')}>
          New segment
        </a>
      }
    >
      <LoadState resource={resource} what="segments" onRetry={retry} />
      {segments && segments.length === 0 && (
        <div class="empty-state empty-state--compact">
          <p class="empty-state__title">No segments yet</p>
          <p class="empty-state__hint">Save a group of contacts by their traits, events and visits, then target messages and series at it.</p>
        </div>
      )}
      {segments && segments.length > 0 && (
        <div class="data-table__wrap">
          <table class="data-table" aria-labelledby="segments-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" class="data-table__number">Contacts</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={contentHref('segments', { id: s.id })}>{s.name}</a>
                  </th>
                  <td class="data-table__number">{counts.has(s.id) ? formatCount(counts.get(s.id)) : '…'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ContentPage>
  );
}
