/**
 * The in-app message editor's draft: every field of a message as the form
 * holds it (strings as typed, the audience as a rule builder draft), made from
 * a saved message or from defaults. `message-input.ts` turns it back into a
 * request body.
 */
import type { ContentStatus, InAppMessage, MessageFormat, TriggerKind } from '../../protocol/index.js';
import { ruleDraftFrom, type RuleDraft } from './rule-check.js';

/** once: at most one send (no frequency); repeat: up to N every D days; until_goal: the same, stopping at the goal. */
export type FrequencyMode = 'once' | 'repeat' | 'until_goal';

export interface MessageDraft {
  name: string;
  format: MessageFormat;
  body: string;
  triggerOn: TriggerKind;
  triggerEvent: string;
  triggerPage: string;
  triggerSeconds: string;
  audience: RuleDraft;
  frequencyMode: FrequencyMode;
  maxPerContact: string;
  everyDays: string;
  /** No goal while empty. */
  goalEvent: string;
  goalWithinDays: string;
  /** `datetime-local` values in the agent's time zone; empty: no bound. */
  startAt: string;
  endAt: string;
  priority: string;
  senderId: string;
  position: 'top' | 'bottom';
  dismissible: boolean;
  buttonLabel: string;
  buttonUrl: string;
  imageUrl: string;
  selector: string;
  status: ContentStatus;
}

export type MessageDraftField = keyof MessageDraft;

/** Which formats use which optional fields (the form shows only those; the request clears the others). */
export const FORMAT_FIELDS = {
  sender: ['chat'],
  position: ['banner'],
  dismissible: ['banner'],
  button: ['post', 'modal', 'banner', 'tooltip'],
  image: ['post', 'modal'],
  selector: ['tooltip'],
} as const satisfies Record<string, readonly MessageFormat[]>;

export function formatUses(field: keyof typeof FORMAT_FIELDS, format: MessageFormat): boolean {
  return (FORMAT_FIELDS[field] as readonly MessageFormat[]).includes(format);
}

export function newMessageDraft(defaults: { senderId?: string } = {}): MessageDraft {
  return {
    name: '',
    format: 'post',
    body: '',
    triggerOn: 'immediate',
    triggerEvent: '',
    triggerPage: '',
    triggerSeconds: '30',
    audience: ruleDraftFrom(null),
    frequencyMode: 'once',
    maxPerContact: '3',
    everyDays: '7',
    goalEvent: '',
    goalWithinDays: '7',
    startAt: '',
    endAt: '',
    priority: '0',
    senderId: defaults.senderId ?? '',
    position: 'top',
    dismissible: true,
    buttonLabel: '',
    buttonUrl: '',
    imageUrl: '',
    selector: '',
    status: 'draft',
  };
}

export function messageDraftFrom(message: InAppMessage): MessageDraft {
  const base = newMessageDraft();
  const f = message.frequency;
  return {
    ...base,
    name: message.name,
    format: message.format,
    body: message.body,
    triggerOn: message.trigger.on,
    triggerEvent: message.trigger.event ?? '',
    triggerPage: message.trigger.page ?? '',
    triggerSeconds: message.trigger.seconds !== undefined ? String(message.trigger.seconds) : base.triggerSeconds,
    audience: ruleDraftFrom(message.audience),
    frequencyMode: !f ? 'once' : f.until_goal ? 'until_goal' : 'repeat',
    maxPerContact: f ? String(f.max_per_contact) : base.maxPerContact,
    everyDays: f ? (f.every_days !== undefined ? String(f.every_days) : '') : base.everyDays,
    goalEvent: message.goal?.event ?? '',
    goalWithinDays: message.goal ? String(message.goal.within_days) : base.goalWithinDays,
    startAt: message.schedule?.start_at ? isoToLocalInput(message.schedule.start_at) : '',
    endAt: message.schedule?.end_at ? isoToLocalInput(message.schedule.end_at) : '',
    priority: String(message.priority),
    senderId: message.sender_id ?? '',
    position: message.position ?? 'top',
    dismissible: message.dismissible,
    buttonLabel: message.button?.label ?? '',
    buttonUrl: message.button?.url ?? '',
    imageUrl: message.image_url ?? '',
    selector: message.selector ?? '',
    status: message.status,
  };
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
