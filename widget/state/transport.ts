/**
 * How the chat client reaches the server. The leader tab holds the one socket
 * (SocketTransport); other tabs of the same site talk to it over a
 * BroadcastChannel (RelayTransport). The chat client can't tell the difference.
 */
import type { Ack, VisitorClientToServerEvents, VisitorServerToClientEvents } from '../../protocol/index.js';

export type ServerEvent = keyof VisitorServerToClientEvents;
export type RequestEvent = Exclude<keyof VisitorClientToServerEvents, 'typing'>;
export type NotifyEvent = 'typing' | 'read';

export interface TransportHandlers {
  onStatus(connected: boolean): void;
  onEvent(event: ServerEvent, payload: unknown): void;
  /** The server refused the visitor token (only the socket owner can see this). */
  onAuthError?(): void;
}

export interface ChatTransport {
  readonly connected: boolean;
  subscribe(handlers: TransportHandlers): () => void;
  /** Resolves null when no answer came in time (offline, leader gone): the caller retries. */
  request<T>(event: RequestEvent, payload: unknown, timeoutMs: number): Promise<Ack<T> | null>;
  notify(event: NotifyEvent, payload: unknown): void;
  close(): void;
}

/** How long a request waits for the server's ack when the options don't say. */
export const ACK_TIMEOUT_MS = 8_000;

export const SERVER_EVENTS: readonly ServerEvent[] = ['message:new', 'conversation:updated', 'typing', 'read', 'content:changed'];

/** A set of handlers fed from one place: shared by both transports. */
export class HandlerSet {
  private readonly handlers = new Set<TransportHandlers>();

  add(h: TransportHandlers): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }

  status(connected: boolean): void {
    this.handlers.forEach((h) => h.onStatus(connected));
  }

  event(event: ServerEvent, payload: unknown): void {
    this.handlers.forEach((h) => h.onEvent(event, payload));
  }

  authError(): void {
    this.handlers.forEach((h) => h.onAuthError?.());
  }
}
