/**
 * When and how often outbound content reaches a contact, as the message and
 * survey editors hold it: the trigger, the frequency cap, the schedule window
 * and the priority, strings as typed. Made from a saved item, checked and
 * turned back into the request's `trigger`, `frequency`, `schedule` and
 * `priority` — one copy of these rules for every editor that has them.
 */
import type { Frequency, Schedule, Trigger, TriggerKind } from '../../protocol/index.js';

/** once: at most one send (no frequency); repeat: up to N every D days; until_goal: the same, stopping at the goal (messages only). */
export type FrequencyMode = 'once' | 'repeat' | 'until_goal';

export interface DeliveryDraft {
  triggerOn: TriggerKind;
  triggerEvent: string;
  triggerPage: string;
  triggerSeconds: string;
  frequencyMode: FrequencyMode;
  maxPerContact: string;
  everyDays: string;
  /** `datetime-local` values in the agent's time zone; empty: no bound. */
  startAt: string;
  endAt: string;
  priority: string;
}

export type DeliveryField = keyof DeliveryDraft;

/** What a saved item holds of its delivery. */
export interface SavedDelivery {
  trigger: Trigger;
  frequency: Frequency | null;
  schedule: Schedule | null;
  priority: number;
}

export function newDeliveryDraft(): DeliveryDraft {
  return {
    triggerOn: 'immediate',
    triggerEvent: '',
    triggerPage: '',
    triggerSeconds: '30',
    frequencyMode: 'once',
    maxPerContact: '3',
    everyDays: '7',
    startAt: '',
    endAt: '',
    priority: '0',
  };
}

export function deliveryDraftFrom(saved: SavedDelivery): DeliveryDraft {
  const base = newDeliveryDraft();
  const f = saved.frequency;
  return {
    triggerOn: saved.trigger.on,
    triggerEvent: saved.trigger.event ?? '',
    triggerPage: saved.trigger.page ?? '',
    triggerSeconds: saved.trigger.seconds !== undefined ? String(saved.trigger.seconds) : base.triggerSeconds,
    frequencyMode: !f ? 'once' : f.until_goal ? 'until_goal' : 'repeat',
    maxPerContact: f ? String(f.max_per_contact) : base.maxPerContact,
    everyDays: f ? (f.every_days !== undefined ? String(f.every_days) : '') : base.everyDays,
    startAt: saved.schedule?.start_at ? isoToLocalInput(saved.schedule.start_at) : '',
    endAt: saved.schedule?.end_at ? isoToLocalInput(saved.schedule.end_at) : '',
    priority: String(saved.priority),
  };
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Records a problem with a field (the first one of each field wins). */
export type Need<F extends string> = (field: F, ok: boolean, text: string) => void;

/**
 * The request's delivery part; problems go to `need`, so an editor collects
 * them with its own fields' and shows all at once.
 */
export function checkDelivery(draft: DeliveryDraft, need: Need<DeliveryField>): SavedDelivery {
  need('triggerEvent', draft.triggerOn !== 'event' || draft.triggerEvent.trim() !== '', 'Name the event that shows it.');
  need('triggerPage', draft.triggerOn !== 'page' || draft.triggerPage.trim() !== '', 'Enter the page URL or pattern.');
  need('triggerSeconds', draft.triggerOn !== 'time_on_page' || WHOLE.test(draft.triggerSeconds.trim()), 'Enter a whole number of seconds.');
  const repeats = draft.frequencyMode !== 'once';
  need('maxPerContact', !repeats || WHOLE.test(draft.maxPerContact.trim()), 'Enter a whole number of times.');
  need('everyDays', !repeats || draft.everyDays.trim() === '' || DECIMAL.test(draft.everyDays.trim()), 'Enter a number of days.');
  need('priority', WHOLE.test(draft.priority.trim()) && Number(draft.priority) <= 100, 'Enter a whole number from 0 to 100.');
  const startAt = draft.startAt.trim() ? localInputToIso(draft.startAt) : undefined;
  const endAt = draft.endAt.trim() ? localInputToIso(draft.endAt) : undefined;
  need('startAt', startAt !== null, 'Enter a date and time.');
  need('endAt', endAt !== null, 'Enter a date and time.');
  need('endAt', !startAt || !endAt || startAt < endAt, 'The end must be after the start.');
  return {
    trigger: triggerOf(draft),
    frequency: repeats
      ? {
          max_per_contact: Number(draft.maxPerContact.trim()),
          ...(draft.everyDays.trim() ? { every_days: Number(draft.everyDays.trim()) } : {}),
          ...(draft.frequencyMode === 'until_goal' ? { until_goal: true } : {}),
        }
      : null,
    schedule: startAt || endAt ? { ...(startAt ? { start_at: startAt } : {}), ...(endAt ? { end_at: endAt } : {}) } : null,
    priority: Number(draft.priority.trim()),
  };
}

function triggerOf(draft: DeliveryDraft): Trigger {
  switch (draft.triggerOn) {
    case 'event':
      return { on: 'event', event: draft.triggerEvent.trim() };
    case 'page':
      return { on: 'page', page: draft.triggerPage.trim() };
    case 'time_on_page':
      return { on: 'time_on_page', seconds: Number(draft.triggerSeconds.trim()) };
    default:
      return { on: 'immediate' };
  }
}

/** A saved trigger in a few words, for a list's column: "Immediately", "On /billing/*", "On event signed_up", "After 30 s on a page". */
export function describeTrigger(trigger: Trigger): string {
  switch (trigger.on) {
    case 'page':
      return `On ${trigger.page ?? 'a page'}`;
    case 'event':
      return `On event ${trigger.event ?? ''}`.trim();
    case 'time_on_page':
      return `After ${trigger.seconds ?? 0} s on a page`;
    default:
      return 'Immediately';
  }
}

/** Request path → delivery field ("schedule" refinements point at the end date); `''` is the object itself. */
export const DELIVERY_PATHS: Record<string, Record<string, DeliveryField>> = {
  trigger: { event: 'triggerEvent', page: 'triggerPage', seconds: 'triggerSeconds', '': 'triggerOn' },
  frequency: { max_per_contact: 'maxPerContact', every_days: 'everyDays', '': 'frequencyMode' },
  schedule: { start_at: 'startAt', end_at: 'endAt', '': 'endAt' },
  priority: { '': 'priority' },
};

/** The delivery field a request path belongs to, or null. */
export function deliveryFieldOfPath(path: readonly PropertyKey[]): DeliveryField | null {
  const [head, sub] = path;
  if (typeof head !== 'string') return null;
  const nested = DELIVERY_PATHS[head];
  if (!nested) return null;
  return nested[typeof sub === 'string' ? sub : ''] ?? nested[''] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` value ("2025-03-01T09:30") in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO instant; null when it is not a date and time. */
export function localInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
