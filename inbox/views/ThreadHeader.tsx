/** The open conversation's name, state (with the visitor's rating once closed), and the actions on it: assign and close/reopen. */
import type { AgentConversation } from '../../protocol/index.js';
import { contactDisplayName } from '../format/contact-name.js';
import { useInbox } from './inbox-context.js';

const UNASSIGNED = '';

export function ThreadHeader({ conversation }: { conversation: AgentConversation }) {
  const { current, agent, agents } = useInbox();
  const busy = current.busy.value;
  const closed = conversation.status === 'closed';
  const mine = conversation.assigneeId === agent.id;
  const assignee = mine ? 'You' : (conversation.assigneeName ?? 'Unassigned');
  const options = agents.value.some((item) => item.id === conversation.assigneeId) || !conversation.assigneeId
    ? agents.value
    : [...agents.value, { id: conversation.assigneeId, name: conversation.assigneeName ?? 'Unknown agent' }];

  return (
    <header class="thread-header">
      <div class="thread-header__title">
        <h2 class="thread-header__name">{contactDisplayName(conversation.contact)}</h2>
        <p class="thread-header__meta">
          {conversation.status !== 'open' && (
            <span class={`status-badge status-badge--${conversation.status}`}>{statusLabel(conversation.status)}</span>
          )}
          <span>Assignee: {assignee}</span>
          {closed && conversation.rating !== null && <span class="thread-header__rating">{ratingText(conversation.rating, conversation.ratingComment)}</span>}
        </p>
      </div>
      <div class="thread-header__actions">
        <label class="visually-hidden" for="thread-assignee">
          Assignee
        </label>
        <select
          id="thread-assignee"
          class="select"
          value={conversation.assigneeId ?? UNASSIGNED}
          disabled={busy}
          onChange={(event) => {
            const value = event.currentTarget.value;
            void current.assign(value === UNASSIGNED ? null : value);
          }}
        >
          <option value={UNASSIGNED}>Unassigned</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.id === agent.id ? `${option.name} (you)` : option.name}
            </option>
          ))}
        </select>
        <button type="button" class="button" disabled={busy} onClick={() => void current.assign(agent.id)}>
          Assign to me
        </button>
        <button
          type="button"
          class={closed ? 'button' : 'button button--primary'}
          disabled={busy}
          onClick={() => void current.setStatus(closed ? 'open' : 'closed')}
        >
          {closed ? 'Reopen' : 'Close'}
        </button>
      </div>
      {current.actionError.value && (
        <p class="thread-header__error" role="status">
          {current.actionError.value}
        </p>
      )}
    </header>
  );
}

/** "Rated 4/5 — “Quick, thanks”": the visitor's CSAT after close. */
export function ratingText(rating: number, comment: string | null): string {
  const said = comment?.trim();
  return said ? `Rated ${rating}/5 — “${said}”` : `Rated ${rating}/5`;
}

function statusLabel(status: AgentConversation['status']): string {
  return status === 'closed' ? 'Closed' : 'Snoozed';
}
