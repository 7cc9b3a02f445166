/**
 * The agent's Socket.IO connection and the two requests that expect an answer.
 * The socket authenticates with the httpOnly session cookie (DESIGN.md §5), so
 * it must only be opened after a successful login or /auth/me.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  Message,
  SendMessageInput,
  SyncMessagesInput,
  SyncResult,
} from '../../protocol/index.js';

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

/** How long a request waits for its ack before we treat it as lost and resend. */
export const ACK_TIMEOUT_MS = 5_000;

export function connectAgentSocket(): AgentSocket {
  // websocket only: long-polling would need sticky sessions on multi-node deployments.
  return io('/agent', { withCredentials: true, transports: ['websocket'] });
}

/** Raised when no ack arrived in time; the request may or may not have been applied. */
export class AckTimeoutError extends Error {
  override readonly name = 'AckTimeoutError';
}

/**
 * Sends a message and resolves with the server's ack. The server inserts by
 * clientId idempotently, so resending after a timeout can never duplicate.
 */
export function sendMessage(socket: AgentSocket, input: SendMessageInput): Promise<Ack<{ message: Message }>> {
  return new Promise((resolve, reject) => {
    socket.timeout(ACK_TIMEOUT_MS).emit('message:send', input, (err, response) => {
      if (err) reject(new AckTimeoutError('message:send timed out'));
      else resolve(response);
    });
  });
}

export function syncMessages(socket: AgentSocket, input: SyncMessagesInput): Promise<Ack<SyncResult>> {
  return new Promise((resolve, reject) => {
    socket.timeout(ACK_TIMEOUT_MS).emit('messages:sync', input, (err, response) => {
      if (err) reject(new AckTimeoutError('messages:sync timed out'));
      else resolve(response);
    });
  });
}
