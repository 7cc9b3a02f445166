/** One message: visitor on the start side, our side (agents, bots) on the end side. */
import type { AgentConversation } from '../../protocol/index.js';
import { formatClock, formatDateTime } from '../format/relative-time.js';
import type { ThreadEntry } from '../state/thread-merge.js';
import { BotMessageParts } from './BotMessageParts.js';
import { MessageAttachments } from './MessageAttachments.js';
import { MessageBody } from './MessageBody.js';
import { SurveyCard } from './SurveyCard.js';

export interface MessageItemProps {
  entry: ThreadEntry;
  conversation: AgentConversation | null;
  /** Set on our side's last stored message only: where "Seen"/"Sent" is shown. */
  showReceipt: boolean;
  visitorName: string;
  onRetry(clientId: string): void;
}

export function MessageItem({ entry, conversation, showReceipt, visitorName, onRetry }: MessageItemProps) {
  const { message, delivery } = entry;
  const fromVisitor = message.authorType === 'visitor';
  const author = fromVisitor ? visitorName : (message.authorName ?? (message.authorType === 'bot' ? 'Bot' : 'Agent'));
  const seen = conversation !== null && conversation.visitorReadSeq >= message.seq;
  return (
    <li
      class={`message message--${fromVisitor ? 'visitor' : 'team'} message--${delivery}`}
      // Pending messages have no server id yet; they get one (same element, same key) when acked.
      data-message-id={message.id || undefined}
      data-client-id={message.clientId || undefined}
      aria-busy={delivery === 'sending' ? true : undefined}
    >
      <p class="message__author">
        {author}
        {message.authorType === 'bot' && ' · Bot'}
      </p>
      {message.body.trim() !== '' && (
        <div class="message__bubble">
          <MessageBody body={message.body} />
        </div>
      )}
      {message.attachments.length > 0 && <MessageAttachments attachments={message.attachments} />}
      {message.survey && <SurveyCard surveyId={message.survey.id} />}
      <BotMessageParts message={message} />
      <p class="message__meta">
        <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
          {formatClock(message.createdAt)}
        </time>
        {delivery === 'sending' && <span class="message__state">Sending…</span>}
        {delivery === 'failed' && (
          <>
            <span class="message__state message__state--failed">Not sent{entry.error ? `: ${entry.error}` : ''}</span>
            <button type="button" class="link-button" onClick={() => onRetry(message.clientId)}>
              Retry
            </button>
          </>
        )}
        {delivery === 'sent' && showReceipt && (
          <span class={`message__state${seen ? ' message__state--seen' : ''}`}>{seen ? 'Seen' : 'Sent'}</span>
        )}
      </p>
    </li>
  );
}
