/** Toggle buttons for the list's two filters; `aria-pressed` tells which one is on. */
import type { AssigneeFilter, StatusFilter } from '../api/endpoints.js';
import { useInbox } from './inbox-context.js';

const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

const ASSIGNEES: { value: AssigneeFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'me', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
];

export function ConversationFilters() {
  const { list } = useInbox();
  const filter = list.filter.value;
  return (
    <div class="filters">
      <div class="segmented" role="group" aria-label="Status">
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
    </div>
  );
}
