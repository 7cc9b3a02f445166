import type { VisitorConversation } from '../../protocol/index.js';
import type { Strings } from '../i18n/index.js';
import { relativeTime } from './format-time.js';

interface Props {
  conversations: VisitorConversation[];
  strings: Strings;
  lang: string;
  onOpen: (id: string) => void;
  onNew: () => void;
}

/** One line of plain text for the list: markdown markers would read as noise there. */
function plainPreview(body: string): string {
  return body.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_~`#>]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 120);
}

export function ConversationList({ conversations, strings, lang, onOpen, onNew }: Props) {
  return (
    <div class="list">
      <button type="button" class="primary" onClick={onNew}>
        {strings.newConversation}
      </button>
      <h3 class="visually-hidden">{strings.conversations}</h3>
      {conversations.length === 0 && <p class="empty">{strings.noConversations}</p>}
      {conversations.map((c) => {
        const last = c.lastMessage;
        const who = last?.authorType === 'visitor' ? strings.you : (last?.authorName ?? c.assigneeName ?? strings.team);
        return (
          <button key={c.id} type="button" class="conv" data-conversation-id={c.id} onClick={() => onOpen(c.id)}>
            <span class="text">
              <span class="who">{who}</span>
              <span class="preview">{plainPreview(last?.body ?? '') || (last?.attachments?.length ? `📎 ${last.attachments[0].name}` : last?.survey ? strings.survey : '')}</span>
            </span>
            <time dateTime={c.updatedAt}>{relativeTime(c.updatedAt, lang)}</time>
            {c.unread > 0 && <span class="dot" aria-label={strings.unreadBadge(c.unread)} />}
          </button>
        );
      })}
    </div>
  );
}
