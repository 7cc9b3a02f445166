/**
 * The list's filters: status and assignee as toggle buttons (`aria-pressed`
 * tells which one is on), then tag, priority and sort as labelled selects.
 */
import { useEffect } from 'preact/hooks';
import type { ConversationSort, Priority } from '../../protocol/index.js';
import type { AssigneeFilter, StatusFilter } from '../api/endpoints.js';
import { PRIORITIES, PRIORITY_LABELS, SORT_LABELS } from '../state/list-filter.js';
import { useInbox } from './inbox-context.js';

const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'snoozed', label: 'Snoozed' },
  { value: 'closed', label: 'Closed' },
];

const ASSIGNEES: { value: AssigneeFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'me', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
];

const ANY = '';

export function ConversationFilters() {
  const { list, tags } = useInbox();
  const filter = list.filter.value;
  const names = tags.names.value;
  // A view may filter by a tag the list of tags doesn't have (yet): still show it as chosen.
  const tagOptions = filter.tag && !names.some((name) => name.toLowerCase() === filter.tag?.toLowerCase()) ? [filter.tag, ...names] : names;

  useEffect(() => void tags.ensure(), [tags]);

  return (
    <div class="filters">
      <div class="segmented segmented--three" role="group" aria-label="Status">
        {STATUSES.map((option) => (
          <button
            key={option.value}
            type="button"
            class="segmented__option"
            aria-pressed={filter.status === option.value}
            onClick={() => list.setFilter({ status: option.value })}
          >
            {option.label}
          </button>
        ))}
      </div>
      <div class="chips" role="group" aria-label="Assignee">
        {ASSIGNEES.map((option) => (
          <button
            key={option.value}
            type="button"
            class="chip"
            aria-pressed={filter.assignee === option.value}
            onClick={() => list.setFilter({ assignee: option.value })}
          >
            {option.label}
          </button>
        ))}
      </div>
      <div class="filters__selects">
        <div class="filters__field">
          <label class="filters__label" for="filter-tag">
            <span class="visually-hidden">Filter by </span>Tag
          </label>
          <select id="filter-tag" class="select" value={filter.tag ?? ANY} onChange={(e) => list.setFilter({ tag: e.currentTarget.value || undefined })}>
            <option value={ANY}>Any</option>
            {tagOptions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__field">
          <label class="filters__label" for="filter-priority">
            <span class="visually-hidden">Filter by </span>Priority
          </label>
          <select
            id="filter-priority"
            class="select"
            value={filter.priority ?? ANY}
            onChange={(e) => list.setFilter({ priority: (e.currentTarget.value || undefined) as Priority | undefined })}
          >
            <option value={ANY}>Any</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__field">
          <label class="filters__label" for="filter-sort">
            Sort
          </label>
          <select
            id="filter-sort"
            class="select"
            value={filter.sort ?? 'newest'}
            aria-describedby={filter.q ? 'filter-sort-hint' : undefined}
            onChange={(e) => list.setFilter({ sort: e.currentTarget.value as ConversationSort })}
          >
            {(Object.keys(SORT_LABELS) as ConversationSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {filter.q && (
        <p id="filter-sort-hint" class="filters__hint">
          Search results are newest match first.
        </p>
      )}
    </div>
  );
}
