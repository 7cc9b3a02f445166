/**
 * The scrolling list of a thread. It follows new messages only while the agent
 * is at the bottom, so reading history is never yanked away by a new message.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { AgentConversation } from '../../protocol/index.js';
import { lastAgentMessage, type ThreadEntry } from '../state/thread-merge.js';
import { MessageItem } from './MessageItem.js';

export interface MessageListProps {
  entries: readonly ThreadEntry[];
  conversation: AgentConversation | null;
  visitorName: string;
  onRetry(clientId: string): void;
}

/** Within this distance of the bottom counts as "at the bottom". */
const STICKY_PX = 80;

export function MessageList({ entries, conversation, visitorName, onRetry }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const pendingCount = entries.filter((entry) => entry.delivery !== 'sent').length;
  const lastPending = useRef(pendingCount);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Our own new message always scrolls into view, wherever the agent was.
    const sentOne = pendingCount > lastPending.current;
    lastPending.current = pendingCount;
    if (atBottom.current || sentOne) element.scrollTop = element.scrollHeight;
  }, [entries, pendingCount]);

  const receiptFor = lastAgentMessage(entries)?.id ?? null;

  return (
    <div
      class="message-list"
      ref={scroller}
      // Focusable so keyboard users can scroll the history (the list may hold no links).
      tabIndex={0}
      role="region"
      aria-label="Messages"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_PX;
      }}
    >
      {entries.length === 0 ? (
        <p class="message-list__empty">No messages in this conversation yet.</p>
      ) : (
        <ol class="message-list__items">
          {entries.map((entry) => (
            <MessageItem
              key={entry.key}
              entry={entry}
              conversation={conversation}
              showReceipt={entry.message.id !== '' && entry.message.id === receiptFor}
              visitorName={visitorName}
              onRetry={onRetry}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
