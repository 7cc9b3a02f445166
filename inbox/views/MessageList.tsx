/**
 * The scrolling list of a thread, internal notes slotted in by time. It follows
 * new messages only while the agent is at the bottom, so reading history is
 * never yanked away by a new message.
 */
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { AgentConversation, ConversationNote } from '../../protocol/index.js';
import { interleave } from '../state/thread-items.js';
import { lastAgentMessage, type ThreadEntry } from '../state/thread-merge.js';
import { MessageItem } from './MessageItem.js';
import { NoteItem } from './NoteItem.js';

export interface MessageListProps {
  entries: readonly ThreadEntry[];
  /** The team's internal notes, oldest first. */
  notes?: readonly ConversationNote[];
  conversation: AgentConversation | null;
  visitorName: string;
  onRetry(clientId: string): void;
}

/** Within this distance of the bottom counts as "at the bottom". */
const STICKY_PX = 80;

export function MessageList({ entries, notes = [], conversation, visitorName, onRetry }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const pendingCount = entries.filter((entry) => entry.delivery !== 'sent').length;
  const lastPending = useRef(pendingCount);
  const items = useMemo(() => interleave(entries, notes), [entries, notes]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Our own new message always scrolls into view, wherever the agent was.
    const sentOne = pendingCount > lastPending.current;
    lastPending.current = pendingCount;
    if (atBottom.current || sentOne) element.scrollTop = element.scrollHeight;
  }, [items, pendingCount]);

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
      {items.length === 0 ? (
        <p class="message-list__empty">No messages in this conversation yet.</p>
      ) : (
        <ol class="message-list__items">
          {items.map((item) =>
            item.kind === 'note' ? (
              <NoteItem key={item.key} note={item.note} />
            ) : (
              <MessageItem
                key={item.key}
                entry={item.entry}
                conversation={conversation}
                showReceipt={item.entry.message.id !== '' && item.entry.message.id === receiptFor}
                visitorName={visitorName}
                onRetry={onRetry}
              />
            ),
          )}
        </ol>
      )}
    </div>
  );
}
