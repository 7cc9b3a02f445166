/** One row of the list: a link to the conversation, so it can also open in a new tab. */
import type { Message } from '../../protocol/index.js';
import type { ListedConversation } from '../api/endpoints.js';
import { contactDisplayName, initials } from '../format/contact-name.js';
import { formatDateTime, formatRelative } from '../format/relative-time.js';
import { conversationHref } from '../host/hash-route.js';
import { activityTime, isUnread } from '../state/conversation-list.js';
import { SlaBadge } from './SlaBadge.js';
import { ConversationBadges } from './ConversationBadges.js';

export interface ConversationItemProps {
  /** With `match` in a search: the excerpt that matched, shown instead of the last message (as text). */
  conversation: ListedConversation;
  selected: boolean;
  now: number;
  /** The logged-in agent: their own replies preview as "You: …". */
  agentId: string;
}

export function ConversationItem({ conversation, selected, now, agentId }: ConversationItemProps) {
  const name = contactDisplayName(conversation.contact);
  const unread = isUnread(conversation);
  const last = conversation.lastMessage;
  const activity = new Date(activityTime(conversation)).toISOString();
  const preview = conversation.match ? conversation.match : last ? authorPrefix(last, agentId) + (plainPreview(last.body) || (last.survey ? 'Survey' : attachmentPreview(last))) : 'No messages yet';
  return (
    <li>
      <a
        class={`conversation-item${unread ? ' conversation-item--unread' : ''}`}
        href={conversationHref(conversation.id)}
        aria-current={selected ? 'page' : undefined}
      >
        <span class="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span class="conversation-item__main">
          <span class="conversation-item__top">
            <span class="conversation-item__name">{name}</span>
            <time class="conversation-item__time" dateTime={activity} title={formatDateTime(activity)}>
              {formatRelative(activity, now)}
            </time>
          </span>
          <span class="conversation-item__bottom">
            <span class="conversation-item__preview">{preview}</span>
            <SlaBadge sla={conversation.sla} now={now} />
            {unread && <span class="unread-dot" role="img" aria-label="Unread" />}
          </span>
          <ConversationBadges conversation={conversation} />
        </span>
      </a>
    </li>
  );
}

/** A message of files only previews as its first file's name. */
function attachmentPreview(message: Message): string {
  const [first] = message.attachments ?? [];
  return first ? `📎 ${first.name}` : '';
}

function authorPrefix(message: Message, agentId: string): string {
  if (message.authorType === 'visitor') return '';
  if (message.authorType === 'agent' && message.authorId === agentId) return 'You: ';
  return message.authorName ? `${message.authorName}: ` : '';
}

/**
 * Markdown syntax reads badly in a one-line preview; strip the common marks.
 * Text only — the preview is never rendered as markup.
 */
export function plainPreview(body: string): string {
  return body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
