/**
 * Service levels of the inbox on the wire: SLA targets, the SLA state of a
 * conversation, the expected reply time the widget shows, and the per-team
 * overrides kept with the workspace settings. Types only, free of zod, so the
 * inbox and the widget import them for nothing.
 */
import type { BusinessHours } from './business-hours.js';

/**
 * Targets in minutes, each optional. Minutes count business hours when the
 * team (or else the workspace) has business hours, wall-clock time otherwise.
 */
export interface SlaPolicy {
  /** From the visitor's first unanswered message to the team's first reply. */
  first_response_minutes?: number;
  /** From a visitor's message (after the first reply) to the team's next reply. */
  next_response_minutes?: number;
  /** From opening (or the last reopening) to closing. */
  resolution_minutes?: number;
}

export type SlaKind = 'first_response' | 'next_response' | 'resolution';

/**
 * The running SLA clock of a conversation, computed when it is read: the
 * target due first among those that apply. Only open conversations have one;
 * snoozed and closed ones read `{ dueAt: null, kind: null, breached: false }`.
 * `breached` is as of the read; clients compare `dueAt` with their clock to
 * keep it current.
 */
export interface ConversationSla {
  dueAt: string | null;
  kind: SlaKind | null;
  breached: boolean;
}

/** No SLA clock running (snoozed, closed, or no policy). */
export const NO_SLA: ConversationSla = Object.freeze({ dueAt: null, kind: null, breached: false });

/**
 * `?sla=` of the conversation list, sorted by due time (most urgent first):
 * `breached` overdue, `due_soon` not yet overdue but due within the next hour,
 * `any` every conversation with a running SLA clock.
 */
export const SLA_FILTERS = ['breached', 'due_soon', 'any'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

/** How far ahead "due soon" looks. */
export const SLA_DUE_SOON_MINUTES = 60;

/** A team's own business hours and SLA policy; null (or absent) uses the workspace's. */
export interface TeamServiceLevels {
  businessHours: BusinessHours | null;
  slaPolicy: SlaPolicy | null;
}

/** What the widget shows about replies (served in the boot response's settings). */
export interface ReplyTime {
  /** Within business hours now (always true without business hours). */
  online: boolean;
  /** Median first response of the last 30 days in whole minutes (rounded up); null with fewer than 5 samples. */
  typicalMinutes: number | null;
  /** When offline: the next opening (ISO 8601); null when online or the schedule never opens. */
  nextOpening: string | null;
}

export const SERVICE_LEVEL_LIMITS = {
  awayMessage: 500,
  /** A week of minutes times a year: generous, bounded. */
  slaMinutes: 525_600,
  teamOverrides: 100,
} as const;
