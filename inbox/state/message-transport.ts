/**
 * How the thread store reaches the server: the socket when it is connected,
 * REST otherwise (the same idempotent insert by clientId), so a message typed
 * during a reconnect still goes out as soon as either path works.
 */
import type { Ack, ErrorCode, Message, SendMessageInput, SyncMessagesInput, SyncResult } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import { ApiError, isTransient } from '../api/http.js';
import type { DeliveryOutcome, OutgoingMessage } from './outbox.js';

/** The socket side, as a narrow interface so tests need no Socket.IO. */
export interface SocketTransport {
  isConnected(): boolean;
  /** Rejects when no ack arrived in time. */
  send(input: SendMessageInput): Promise<Ack<{ message: Message }>>;
  sync(input: SyncMessagesInput): Promise<Ack<SyncResult>>;
}

/** Codes after which sending the same message again can succeed. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'internal', 'unavailable']);

export function createDeliver(
  socket: SocketTransport,
  api: Pick<InboxApi, 'postMessage'>,
): (message: OutgoingMessage) => Promise<DeliveryOutcome> {
  return async (outgoing) => {
    const { conversationId, clientId, body } = outgoing;
    const attachmentIds = outgoing.attachmentIds?.length ? outgoing.attachmentIds : undefined;
    if (socket.isConnected()) {
      try {
        const ack = await socket.send({ conversationId, clientId, body, attachmentIds });
        if (ack.ok) return { ok: true, message: ack.data.message };
        return { ok: false, retry: TRANSIENT_CODES.has(ack.error.code), error: ack.error.message };
      } catch {
        // No ack in time: the server may have stored it; resending the same clientId is safe.
        return { ok: false, retry: true, error: 'No answer from the server.' };
      }
    }
    try {
      return { ok: true, message: await api.postMessage(conversationId, { body, clientId, attachmentIds }) };
    } catch (error) {
      const message = error instanceof ApiError ? error.message : 'Could not send.';
      return { ok: false, retry: isTransient(error), error: message };
    }
  };
}
