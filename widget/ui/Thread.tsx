import type { ComponentChild } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { BotButton, Message, MessageSurvey, VisitorConversation } from '../../protocol/index.js';
import type { Strings } from '../i18n/index.js';
import { renderMarkdown } from '../markdown/index.js';
import type { ThreadItem } from '../state/thread.js';
import { Attachments } from './Attachments.js';
import { BotButtons } from './BotButtons.js';

interface Props {
  items: ThreadItem[];
  conversation: VisitorConversation | undefined;
  typingName: string | undefined;
  strings: Strings;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  /** Draws a survey a message carries (answered in the thread); its views are a lazy chunk. */
  renderSurvey?: (survey: MessageSurvey) => ComponentChild;
  /** A button under a bot's question was clicked (docs/bots.md). */
  onChoose?: (message: Message, button: BotButton) => void;
}

/**
 * The messages of one conversation. The list is a `role="log"` (a polite live
 * region), so screen readers announce new messages without moving focus.
 */
export function Thread({ items, conversation, typingName, strings, onRetry, onDiscard, renderSurvey, onChoose }: Props) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [items.length, typingName]);

  // "Seen" goes under the visitor's last stored message the team has read.
  const lastMine = [...items].reverse().find((i) => i.authorType === 'visitor' && i.seq !== null);
  const seen = lastMine && conversation && conversation.agentReadSeq >= (lastMine.seq as number);

  return (
    <>
      <div class="thread" role="log" aria-label={strings.messengerTitle}>
        {items.map((item, i) => {
          const mine = item.authorType === 'visitor';
          const asks = item.message?.buttons && item.message;
          return (
            // data-message-id only once the server has stored it (as in the inbox); until then data-client-id.
            <div
              key={item.key}
              class={`msg ${mine ? 'mine' : 'theirs'}`}
              data-message-id={item.message?.id}
              data-client-id={item.clientId}
              data-state={item.state}
            >
              {!mine && <span class="author">{item.authorName ?? strings.team}</span>}
              {item.body.trim() && (
                <div class="bubble" id={asks ? `q-${asks.id}` : undefined}>
                  {renderMarkdown(item.body)}
                </div>
              )}
              {asks && onChoose && <BotButtons message={asks as Message & { buttons: BotButton[] }} answered={items.slice(i + 1).some((later) => later.authorType === 'visitor')} onChoose={onChoose} />}
              {item.attachments.length > 0 && <Attachments list={item.attachments} />}
              {item.message?.survey && renderSurvey?.(item.message.survey)}
              {item.state === 'sending' && <span class="meta">{strings.sending}</span>}
              {item.state === 'failed' && (
                <span class="meta">
                  <span class="fail">{strings.failed}</span>
                  <button type="button" class="link-btn" onClick={() => onRetry(item.clientId)}>
                    {strings.retry}
                  </button>
                  <button type="button" class="link-btn" onClick={() => onDiscard(item.clientId)}>
                    {strings.discard}
                  </button>
                </span>
              )}
              {item === lastMine && seen && <span class="meta">{strings.seen}</span>}
            </div>
          );
        })}
        {conversation?.status === 'closed' && <p class="notice">{strings.closedConversation}</p>}
        <div ref={end} />
      </div>
      <div class="typing" aria-live="polite">
        {typingName !== undefined ? strings.typing(typingName) : ''}
      </div>
    </>
  );
}
