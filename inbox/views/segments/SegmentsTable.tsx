/** `#/segments`: saved segments with how many contacts each matches now, and "New segment". */
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { ContentTable } from '../content/ContentTable.js';
import { useContentList, useRowData } from '../content/use-content-list.js';

type ListApi = Pick<InboxApi, 'listSegments' | 'countSegment'>;

const COLUMNS = [{ label: 'Contacts', number: true }];

export function SegmentsTable({ api }: { api: ListApi }) {
  const { resource, retry, list } = useContentList('segments', () => api.listSegments().then((p) => p.data));
  const counts = useRowData(list, (s, signal) => api.countSegment(s.id, signal).then((r) => r.count));

  return (
    <ContentTable
      section="segments"
      titleId="segments-title"
      title="Segments"
      newLabel="New segment"
      resource={resource}
      onRetry={retry}
      empty={{
        title: 'No segments yet',
        hint: 'Save a group of contacts by their traits, events and visits, then target messages and series at it.',
      }}
      columns={COLUMNS}
      // "…" while the count is being asked; a dash once asking failed.
      cells={(s) => <td class="data-table__number">{counts.has(s.id) ? formatCount(counts.get(s.id)) : '…'}</td>}
    />
  );
}
