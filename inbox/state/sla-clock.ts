/**
 * A conversation's running SLA clock (`conversation.sla`) as a badge reads it
 * at a given moment: "Breached", "Due in 12 min" (amber within the hour), or
 * nothing without a clock. The server's `breached` is as of its read, so the
 * client compares `dueAt` with its own clock, and says when the words change.
 */
import type { ConversationSla, SlaKind } from '../../protocol/index.js';
import { SLA_DUE_SOON_MINUTES } from '../../protocol/inbox/service-levels.js';
import { formatDuration, formatMinutesLeft } from './report-format.js';

export type SlaTone = 'breached' | 'soon' | 'ok';

export interface SlaView {
  tone: SlaTone;
  /** What the badge shows: "Breached", "Due in 12 min". */
  text: string;
  /** The whole story for screen readers and the tooltip: "First response overdue by 5 min". */
  description: string;
}

export const SLA_KIND_LABELS: Record<SlaKind, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

const MINUTE_MS = 60_000;

export function slaView(sla: ConversationSla | null | undefined, now: number): SlaView | null {
  if (!sla?.dueAt) return null;
  const due = Date.parse(sla.dueAt);
  if (Number.isNaN(due)) return null;
  const kind = sla.kind ? SLA_KIND_LABELS[sla.kind] : 'Reply';
  const left = due - now;
  if (sla.breached || left <= 0) {
    const late = Math.max(0, -left);
    return {
      tone: 'breached',
      text: 'Breached',
      description: late < MINUTE_MS ? `${kind} SLA breached just now` : `${kind} SLA breached ${formatDuration(Math.floor(late / MINUTE_MS) * 60)} ago`,
    };
  }
  const text = `Due in ${formatMinutesLeft(left)}`;
  return {
    tone: left <= SLA_DUE_SOON_MINUTES * MINUTE_MS ? 'soon' : 'ok',
    text,
    description: `${kind} SLA: due in ${formatMinutesLeft(left)}`,
  };
}

/**
 * Milliseconds until the badge's words may change (the next whole minute
 * before or after the deadline), so a timer wakes up exactly then rather
 * than polling; null without a clock.
 */
export function nextSlaChangeIn(sla: ConversationSla | null | undefined, now: number): number | null {
  if (!sla?.dueAt) return null;
  const due = Date.parse(sla.dueAt);
  if (Number.isNaN(due)) return null;
  const offset = (((due - now) % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  // Exactly on a minute boundary: the words change now, wake a minute later; +1 ms lands past the boundary.
  return (offset === 0 ? MINUTE_MS : offset) + 1;
}
