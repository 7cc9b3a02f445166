/**
 * What conversations tell routing (domain/routing's QueueDrain implements it)
 * once a change to a conversation is durable: an agent may have room again
 * (a conversation of theirs was closed, snoozed, unassigned or given to
 * someone else) or a conversation may now wait with its team. An interface,
 * so conversations depend on no routing and tests can leave it out.
 */
import type { ConversationRow } from '../../store/index.js';

export interface ConversationRoutingHooks {
  /** `before` as the caller read it, `after` as written. Must not throw or wait: it only schedules work. */
  changed(before: ConversationRow, after: ConversationRow): void;
}
