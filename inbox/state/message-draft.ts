/**
 * The in-app message editor's draft: every field of a message as the form
 * holds it (strings as typed, the audience as a rule builder draft), made from
 * a saved message or from defaults. `message-input.ts` turns it back into a
 * request body.
 */
import type { ContentStatus, InAppMessage, MessageFormat } from '../../protocol/index.js';
import { deliveryDraftFrom, newDeliveryDraft, type DeliveryDraft } from './delivery-draft.js';
import { ruleDraftFrom, type RuleDraft } from './rule-check.js';

export { isoToLocalInput, localInputToIso, type FrequencyMode } from './delivery-draft.js';

/** The delivery fields (trigger, frequency, schedule, priority) come from `delivery-draft.ts`, shared with surveys. */
export interface MessageDraft extends DeliveryDraft {
  name: string;
  format: MessageFormat;
  body: string;
  audience: RuleDraft;
  /** No goal while empty. */
  goalEvent: string;
  goalWithinDays: string;
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
    ...newDeliveryDraft(),
    name: '',
    format: 'post',
    body: '',
    audience: ruleDraftFrom(null),
    goalEvent: '',
    goalWithinDays: '7',
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
  return {
    ...base,
    ...deliveryDraftFrom(message),
    name: message.name,
    format: message.format,
    body: message.body,
    audience: ruleDraftFrom(message.audience),
    goalEvent: message.goal?.event ?? '',
    goalWithinDays: message.goal ? String(message.goal.within_days) : base.goalWithinDays,
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
