/**
 * Message draft → request body, checked with the protocol's own
 * `createMessageSchema` so the form names problems before the server has to;
 * and the server's refusal mapped back onto the form's fields.
 */
import { createMessageSchema, type CreateMessageInput, type InAppMessage, type Rule, type UpdateMessageInput } from '../../protocol/index.js';
import { changedKeys, errorsByField, parseServerIssue, sentence, zodIssues, type FieldErrors, type Issue } from './form-issues.js';
import { checkDelivery, deliveryFieldOfPath } from './delivery-draft.js';
import { formatUses, type MessageDraft, type MessageDraftField } from './message-draft.js';
import { compileRuleDraft, keyAtPath, type RuleErrors } from './rule-check.js';

export interface MessageErrors {
  fields: FieldErrors<MessageDraftField>;
  /** Per row of the audience builder. */
  audience: RuleErrors | null;
}

export type MessageInputResult = { ok: true; input: CreateMessageInput } | { ok: false; errors: MessageErrors };

const WHOLE = /^\d+$/;

/** An empty top-level "all" group is everyone: sent as no audience at all. */
export function isEveryone(rule: Rule): boolean {
  return 'all' in rule && rule.all.length === 0;
}

export function messageInputFrom(draft: MessageDraft): MessageInputResult {
  const fields: FieldErrors<MessageDraftField> = {};
  const need = (field: MessageDraftField, ok: boolean, text: string): void => {
    if (!ok && fields[field] === undefined) fields[field] = text;
  };
  const audience = compileRuleDraft(draft.audience);
  if (!audience.ok) fields.audience = 'Check the audience conditions.';

  need('name', draft.name.trim() !== '', 'Give the message a name.');
  need('selector', draft.format !== 'tooltip' || draft.selector.trim() !== '', 'A tooltip needs the CSS selector of the element it points at.');
  const delivery = checkDelivery(draft, need);
  const hasGoal = draft.goalEvent.trim() !== '';
  need('goalEvent', draft.frequencyMode !== 'until_goal' || hasGoal, 'Set a goal event to send until it is reached.');
  need('goalWithinDays', !hasGoal || WHOLE.test(draft.goalWithinDays.trim()), 'Enter a whole number of days.');
  const hasButton = formatUses('button', draft.format) && (draft.buttonLabel.trim() !== '' || draft.buttonUrl.trim() !== '');
  need('buttonLabel', !hasButton || draft.buttonLabel.trim() !== '', 'Give the button a label.');

  const candidate = {
    name: draft.name.trim(),
    format: draft.format,
    body: draft.body,
    audience: audience.ok && !isEveryone(audience.rule) ? audience.rule : null,
    trigger: delivery.trigger,
    frequency: delivery.frequency,
    goal: hasGoal ? { event: draft.goalEvent.trim(), within_days: Number(draft.goalWithinDays.trim()) } : null,
    schedule: delivery.schedule,
    priority: delivery.priority,
    status: draft.status,
    sender_id: formatUses('sender', draft.format) && draft.senderId ? draft.senderId : null,
    position: formatUses('position', draft.format) ? draft.position : null,
    // Only a banner can be made permanent; every other format can always be closed.
    dismissible: formatUses('dismissible', draft.format) ? draft.dismissible : true,
    button: hasButton ? { label: draft.buttonLabel.trim(), ...(draft.buttonUrl.trim() ? { url: draft.buttonUrl.trim() } : {}) } : null,
    image_url: formatUses('image', draft.format) && draft.imageUrl.trim() ? draft.imageUrl.trim() : null,
    selector: formatUses('selector', draft.format) && draft.selector.trim() ? draft.selector.trim() : null,
  };

  const parsed = createMessageSchema.safeParse(candidate);
  const schemaErrors = parsed.success ? {} : errorsByField(zodIssues(parsed.error), fieldOfPath);
  const all = { ...schemaErrors, ...fields };
  if (Object.keys(all).length > 0 || !parsed.success || !audience.ok) {
    return { ok: false, errors: { fields: all, audience: audience.ok ? null : audience.errors } };
  }
  return { ok: true, input: parsed.data };
}

const NESTED: Record<string, Record<string, MessageDraftField>> = {
  goal: { event: 'goalEvent', within_days: 'goalWithinDays', '': 'goalEvent' },
  button: { label: 'buttonLabel', url: 'buttonUrl', '': 'buttonLabel' },
};

const TOP: Record<string, MessageDraftField> = {
  name: 'name',
  format: 'format',
  body: 'body',
  audience: 'audience',
  status: 'status',
  sender_id: 'senderId',
  position: 'position',
  dismissible: 'dismissible',
  image_url: 'imageUrl',
  selector: 'selector',
};

/** The form field a request path belongs to ("schedule" refinements point at the end date). */
export function fieldOfPath(path: readonly PropertyKey[]): MessageDraftField | null {
  const delivery = deliveryFieldOfPath(path);
  if (delivery) return delivery;
  const [head, sub] = path;
  if (typeof head !== 'string') return null;
  const nested = NESTED[head];
  if (nested) return nested[typeof sub === 'string' ? sub : ''] ?? nested[''];
  return TOP[head] ?? null;
}

/** The server's `validation_failed` message on the form: which field, and which audience row when it is about the rule. */
export function messageServerErrors(message: string, draft: MessageDraft): MessageErrors | null {
  const issue: Issue | null = parseServerIssue(message);
  if (!issue) return null;
  const field = fieldOfPath(issue.path);
  if (!field) return null;
  if (field === 'audience') {
    const key = keyAtPath(draft.audience.root, issue.path.slice(1));
    return { fields: { audience: sentence(issue.text) }, audience: new Map([[key, sentence(issue.text)]]) };
  }
  return { fields: { [field]: sentence(issue.text) }, audience: null };
}

/** What to PATCH on a saved message: only what the form changed. */
export function messagePatch(saved: InAppMessage, input: CreateMessageInput): UpdateMessageInput {
  return changedKeys(saved, input);
}
