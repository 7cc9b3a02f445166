/**
 * The compact extras of a list row: a priority badge (urgent and high only;
 * normal is the quiet default), "Snoozed until …", and the first tags (the
 * rest as "+2", all of them in the tooltip).
 */
import type { AgentConversation } from '../../protocol/index.js';
import { formatClock, formatDateTime } from '../format/relative-time.js';
import { PRIORITY_LABELS } from '../state/list-filter.js';

const SHOWN_TAGS = 2;

export function ConversationBadges({ conversation }: { conversation: AgentConversation }) {
  const { priority, status, snoozedUntil } = conversation;
  const tags = conversation.tags ?? [];
  const loud = priority === 'urgent' || priority === 'high';
  const snoozed = status === 'snoozed';
  if (!loud && !snoozed && tags.length === 0) return null;
  const hidden = tags.length - SHOWN_TAGS;
  return (
    <span class="conversation-badges">
      {loud && <span class={`priority-badge priority-badge--${priority}`}>{PRIORITY_LABELS[priority]}</span>}
      {snoozed && (
        <span class="snooze-badge" title={snoozedUntil ? formatDateTime(snoozedUntil) : undefined}>
          {snoozedUntil ? `Snoozed until ${snoozeDay(snoozedUntil)}` : 'Snoozed'}
        </span>
      )}
      {tags.slice(0, SHOWN_TAGS).map((tag) => (
        <span key={tag} class="tag-badge">
          {tag}
        </span>
      ))}
      {hidden > 0 && (
        <span class="tag-badge tag-badge--more" title={tags.join(', ')}>
          +{hidden}
          <span class="visually-hidden"> more tags: {tags.slice(SHOWN_TAGS).join(', ')}</span>
        </span>
      )}
    </span>
  );
}

/** The clock for later today, "Mar 4" for another day. */
function snoozeDay(iso: string): string {
  const at = Date.parse(iso);
  if (new Date(at).toDateString() === new Date().toDateString()) return formatClock(iso);
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(at);
}
