/**
 * What tabs of one site say to each other over a BroadcastChannel. Kept as plain
 * data so the relay logic is DOM-free and testable with an in-memory channel.
 */
import type { Ack } from '../../protocol/index.js';
import type { NotifyEvent, RequestEvent, ServerEvent } from './transport.js';

export type TabMessage =
  | { t: 'hello'; from: string }
  | { t: 'status'; from: string; connected: boolean }
  | { t: 'req'; from: string; id: number; event: RequestEvent; payload: unknown; timeoutMs: number }
  | { t: 'res'; to: string; id: number; response: Ack<unknown> | null }
  | { t: 'notify'; event: NotifyEvent; payload: unknown }
  | { t: 'evt'; event: ServerEvent; payload: unknown }
  | { t: 'ui'; from: string; open: boolean }
  /** Leader heartbeat, only where Web Locks are missing. */
  | { t: 'beat'; from: string };

/** A BroadcastChannel, or a stand-in: post reaches every other tab, never the sender. */
export interface TabChannel {
  post(message: TabMessage): void;
  listen(listener: (message: TabMessage) => void): () => void;
}
