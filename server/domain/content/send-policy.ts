/**
 * Whether a message may be sent to a contact now: its schedule window and its
 * send limit. Pure, so the rules are tested on their own; the store enforces
 * them atomically at claim time (see deliveries.ts).
 */
import type { Frequency, Goal, Schedule } from '../../../protocol/index.js';

const DAY_MS = 86_400_000;

/** Absent frequency: once per contact, Intercom's default for in-app messages. */
export const DEFAULT_FREQUENCY: Frequency = { max_per_contact: 1 };

export function inSchedule(schedule: Schedule | null, now: number): boolean {
  if (!schedule) return true;
  if (schedule.start_at && now < Date.parse(schedule.start_at)) return false;
  if (schedule.end_at && now >= Date.parse(schedule.end_at)) return false;
  return true;
}

export interface SendHistory {
  /** Times this contact was sent the message (any order). */
  sentAt: number[];
  goalReached: boolean;
}

export function maySend(history: SendHistory, frequency: Frequency | null, goal: Goal | null, now: number): boolean {
  const limit = frequency ?? DEFAULT_FREQUENCY;
  if (history.sentAt.length >= limit.max_per_contact) return false;
  // With a goal, sending stops once it is reached unless the message says otherwise.
  if (goal && history.goalReached && limit.until_goal !== false) return false;
  if (history.sentAt.length > 0 && limit.every_days !== undefined) {
    const last = Math.max(...history.sentAt);
    if (now - last < limit.every_days * DAY_MS) return false;
  }
  return true;
}

/** A goal counts when its event happens within `within_days` after the send. */
export function goalWindowOpen(sentAt: number, goal: Goal, eventAt: number): boolean {
  return eventAt >= sentAt && eventAt - sentAt <= goal.within_days * DAY_MS;
}
