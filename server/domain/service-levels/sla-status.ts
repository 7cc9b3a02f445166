/**
 * The SLA clock of a conversation, computed when it is read (never stored, so
 * a changed policy or schedule applies at once). Pure: the caller passes the
 * policy and business hours that apply and the time.
 *
 * Targets, each only when the policy has it and the conversation is open:
 * - first_response: the visitor waits and the team has never replied; due
 *   `first_response_minutes` after `waiting_since`.
 * - next_response: the visitor waits again after a first reply; due
 *   `next_response_minutes` after `waiting_since`.
 * - resolution: due `resolution_minutes` after opening (or the last reopening).
 * The one due first is reported. Minutes are business minutes when there are
 * business hours, wall-clock minutes otherwise.
 */
import {
  addBusinessMinutes,
  type BusinessHours,
  type ConversationSla,
  type ConversationStatus,
  NO_SLA,
  type SlaKind,
  type SlaPolicy,
} from '../../../protocol/index.js';

/** The conversation columns the clock reads. */
export interface SlaClockInput {
  status: ConversationStatus;
  created_at: string;
  reopened_at?: string | null;
  first_response_at?: string | null;
  waiting_since?: string | null;
}

/** `minutes` after `from`: counted in business hours when there are some, else on the wall clock. */
export function dueAfter(hours: BusinessHours | null, from: Date, minutes: number): Date | null {
  return hours ? addBusinessMinutes(hours, from, minutes) : new Date(from.getTime() + minutes * 60_000);
}

export function slaStatus(conv: SlaClockInput, policy: SlaPolicy | null, hours: BusinessHours | null, now: Date): ConversationSla {
  if (!policy || conv.status !== 'open') return NO_SLA;
  const targets: { kind: SlaKind; start: string; minutes: number | undefined }[] = [];
  if (conv.waiting_since) {
    targets.push(
      conv.first_response_at
        ? { kind: 'next_response', start: conv.waiting_since, minutes: policy.next_response_minutes }
        : { kind: 'first_response', start: conv.waiting_since, minutes: policy.first_response_minutes },
    );
  }
  targets.push({ kind: 'resolution', start: conv.reopened_at ?? conv.created_at, minutes: policy.resolution_minutes });

  let first: { kind: SlaKind; due: Date } | null = null;
  for (const t of targets) {
    if (!t.minutes) continue;
    const due = dueAfter(hours, new Date(t.start), t.minutes);
    if (due && (!first || due.getTime() < first.due.getTime())) first = { kind: t.kind, due };
  }
  if (!first) return NO_SLA;
  return { dueAt: first.due.toISOString(), kind: first.kind, breached: first.due.getTime() <= now.getTime() };
}
