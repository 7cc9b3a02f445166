/**
 * Conversation metrics, written by the same UPDATE that stores the message or
 * the status change they follow from. Each value is a SQL expression over the
 * row's previous values (SQL evaluates every SET against the row as it was), so
 * two writes racing on one conversation can't both read a stale state, on
 * SQLite or Postgres.
 *
 * Definitions (docs/inbox.md, "Business hours, SLAs and reports"):
 * - A *team reply* is a message by an agent, or by a bot/API caller, that is not
 *   automatic. Automatic messages (the away acknowledgement) change nothing.
 * - `first_visitor_message_at`: the visitor's first message.
 * - `waiting_since`: the visitor's oldest message not yet answered: set by a
 *   visitor message when unset, cleared by a team reply and by closing (a
 *   closed conversation owes nothing; if the visitor writes again the wait
 *   starts at that message).
 * - `first_response_at`: the first team reply while the visitor was waiting,
 *   i.e. after the visitor's first message. A team message written before the
 *   visitor said anything (a survey follow-up, an in-app opening) is no response.
 * - `reply_phases`: team replies that ended a wait; several replies in a row
 *   count once. First-contact resolution is a close after exactly one phase.
 * - `closed_at` / `resolved_count`: the last close / how many times closed.
 * - `reopened_at` / `reopened_count`: leaving `closed` (a visitor writing, or
 *   an agent reopening or snoozing it); snoozed ⇄ open is no reopening.
 */
import { type RawBuilder, sql } from 'kysely';
import type { AuthorType, ConversationStatus } from '../../../protocol/index.js';

/** The SET entries for the metric columns, as Kysely's `updateTable(…).set()` takes them. */
export interface MetricSet {
  first_visitor_message_at?: RawBuilder<string | null>;
  first_response_at?: RawBuilder<string | null>;
  waiting_since?: RawBuilder<string | null> | null;
  closed_at?: RawBuilder<string | null> | null;
  reopened_at?: RawBuilder<string | null>;
  resolved_count?: RawBuilder<number>;
  reopened_count?: RawBuilder<number>;
  reply_phases?: RawBuilder<number>;
}

const wasClosed = sql`status = 'closed'`;

/** Leaving or entering `closed`, as part of an update that sets `status` to `next`. */
export function metricsOnStatus(next: ConversationStatus, at: string): MetricSet {
  if (next === 'closed') {
    return {
      closed_at: sql<string | null>`CASE WHEN ${wasClosed} THEN closed_at ELSE ${at} END`,
      resolved_count: sql<number>`resolved_count + CASE WHEN ${wasClosed} THEN 0 ELSE 1 END`,
      waiting_since: null,
    };
  }
  return {
    closed_at: null,
    reopened_at: sql<string | null>`CASE WHEN ${wasClosed} THEN ${at} ELSE reopened_at END`,
    reopened_count: sql<number>`reopened_count + CASE WHEN ${wasClosed} THEN 1 ELSE 0 END`,
  };
}

/**
 * A new message at `at`. `reopen`: the same update sets the status back to
 * open (a visitor writing into a closed or snoozed conversation).
 */
export function metricsOnMessage(message: { authorType: AuthorType; automatic: boolean; at: string }, reopen: boolean): MetricSet {
  const { authorType, automatic, at } = message;
  if (automatic) return {};
  if (authorType === 'visitor') {
    return {
      ...(reopen ? metricsOnStatus('open', at) : {}),
      first_visitor_message_at: sql<string | null>`COALESCE(first_visitor_message_at, ${at})`,
      // Closing cleared the wait: a reopening message starts a new one, and a message
      // that leaves the conversation closed (a late survey answer) starts none.
      waiting_since: sql<string | null>`CASE WHEN ${wasClosed} THEN ${reopen ? at : null} ELSE COALESCE(waiting_since, ${at}) END`,
    };
  }
  return {
    first_response_at: sql<string | null>`CASE WHEN first_response_at IS NULL AND waiting_since IS NOT NULL THEN ${at} ELSE first_response_at END`,
    reply_phases: sql<number>`reply_phases + CASE WHEN waiting_since IS NULL THEN 0 ELSE 1 END`,
    waiting_since: null,
  };
}
