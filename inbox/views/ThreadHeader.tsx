/** The open conversation's name, state (team, SLA clock, the visitor's rating once closed), and the actions on it: assign to a team or agent, and close/reopen. */
import type { AgentConversation } from '../../protocol/index.js';
import { contactDisplayName } from '../format/contact-name.js';
import { AssignControl } from './AssignControl.js';
import { useInbox } from './inbox-context.js';
import { SlaBadge } from './SlaBadge.js';

export function ThreadHeader({ conversation }: { conversation: AgentConversation }) {
  const { current, agent } = useInbox();
  const busy = current.busy.value;
  const closed = conversation.status === 'closed';
  const mine = conversation.assigneeId === agent.id;
  const assignee = mine ? 'You' : (conversation.assigneeName ?? 'Unassigned');

  return (
    <header class="thread-header">
      <div class="thread-header__title">
        <h2 class="thread-header__name">{contactDisplayName(conversation.contact)}</h2>
        <p class="thread-header__meta">
          {conversation.status !== 'open' && (
            <span class={`status-badge status-badge--${conversation.status}`}>{statusLabel(conversation.status)}</span>
          )}
          <span>Assignee: {assignee}</span>
          {conversation.teamName && <span>Team: {conversation.teamName}</span>}
          <SlaBadge sla={conversation.sla} />
          {closed && conversation.rating !== null && <span class="thread-header__rating">{ratingText(conversation.rating, conversation.ratingComment)}</span>}
        </p>
      </div>
      <div class="thread-header__actions">
        <AssignControl conversation={conversation} />
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
