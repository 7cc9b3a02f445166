/**
 * Message draft → request body, checked with the protocol's own
 * `createMessageSchema` so the form names problems before the server has to;
 * and the server's refusal mapped back onto the form's fields.
 */
import { createMessageSchema, type CreateMessageInput, type InAppMessage, type Rule, type UpdateMessageInput } from '../../protocol/index.js';
import { changedKeys, errorsByField, parseServerIssue, sentence, zodIssues, type FieldErrors, type Issue } from './form-issues.js';
import { formatUses, localInputToIso, type MessageDraft, type MessageDraftField } from './message-draft.js';
import { compileRuleDraft, keyAtPath, type RuleErrors } from './rule-check.js';

export interface MessageErrors {
  fields: FieldErrors<MessageDraftField>;
  /** Per row of the audience builder. */
  audience: RuleErrors | null;
}

export type MessageInputResult = { ok: true; input: CreateMessageInput } | { ok: false; errors: MessageErrors };

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

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
  need('triggerEvent', draft.triggerOn !== 'event' || draft.triggerEvent.trim() !== '', 'Name the event that shows it.');
  need('triggerPage', draft.triggerOn !== 'page' || draft.triggerPage.trim() !== '', 'Enter the page URL or pattern.');
  need('selector', draft.format !== 'tooltip' || draft.selector.trim() !== '', 'A tooltip needs the CSS selector of the element it points at.');
  need('triggerSeconds', draft.triggerOn !== 'time_on_page' || WHOLE.test(draft.triggerSeconds.trim()), 'Enter a whole number of seconds.');
  const repeats = draft.frequencyMode !== 'once';
  need('maxPerContact', !repeats || WHOLE.test(draft.maxPerContact.trim()), 'Enter a whole number of times.');
  need('everyDays', !repeats || draft.everyDays.trim() === '' || DECIMAL.test(draft.everyDays.trim()), 'Enter a number of days.');
  const hasGoal = draft.goalEvent.trim() !== '';
  need('goalEvent', draft.frequencyMode !== 'until_goal' || hasGoal, 'Set a goal event to send until it is reached.');
  need('goalWithinDays', !hasGoal || WHOLE.test(draft.goalWithinDays.trim()), 'Enter a whole number of days.');
  need('priority', WHOLE.test(draft.priority.trim()) && Number(draft.priority) <= 100, 'Enter a whole number from 0 to 100.');
  const startAt = draft.startAt.trim() ? localInputToIso(draft.startAt) : undefined;
  const endAt = draft.endAt.trim() ? localInputToIso(draft.endAt) : undefined;
  need('startAt', startAt !== null, 'Enter a date and time.');
  need('endAt', endAt !== null, 'Enter a date and time.');
  need('endAt', !startAt || !endAt || startAt < endAt, 'The end must be after the start.');
  const hasButton = formatUses('button', draft.format) && (draft.buttonLabel.trim() !== '' || draft.buttonUrl.trim() !== '');
  need('buttonLabel', !hasButton || draft.buttonLabel.trim() !== '', 'Give the button a label.');

  const candidate = {
    name: draft.name.trim(),
    format: draft.format,
    body: draft.body,
    audience: audience.ok && !isEveryone(audience.rule) ? audience.rule : null,
    trigger: triggerOf(draft),
    frequency: repeats
      ? {
          max_per_contact: Number(draft.maxPerContact.trim()),
          ...(draft.everyDays.trim() ? { every_days: Number(draft.everyDays.trim()) } : {}),
          ...(draft.frequencyMode === 'until_goal' ? { until_goal: true } : {}),
        }
      : null,
    goal: hasGoal ? { event: draft.goalEvent.trim(), within_days: Number(draft.goalWithinDays.trim()) } : null,
    schedule: startAt || endAt ? { ...(startAt ? { start_at: startAt } : {}), ...(endAt ? { end_at: endAt } : {}) } : null,
    priority: Number(draft.priority.trim()),
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

function triggerOf(draft: MessageDraft): CreateMessageInput['trigger'] {
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

const NESTED: Record<string, Record<string, MessageDraftField>> = {
  trigger: { event: 'triggerEvent', page: 'triggerPage', seconds: 'triggerSeconds', '': 'triggerOn' },
  frequency: { max_per_contact: 'maxPerContact', every_days: 'everyDays', '': 'frequencyMode' },
  goal: { event: 'goalEvent', within_days: 'goalWithinDays', '': 'goalEvent' },
  schedule: { start_at: 'startAt', end_at: 'endAt', '': 'endAt' },
  button: { label: 'buttonLabel', url: 'buttonUrl', '': 'buttonLabel' },
};

const TOP: Record<string, MessageDraftField> = {
  name: 'name',
  format: 'format',
  body: 'body',
  audience: 'audience',
  priority: 'priority',
  status: 'status',
  sender_id: 'senderId',
  position: 'position',
  dismissible: 'dismissible',
  image_url: 'imageUrl',
  selector: 'selector',
};

/** The form field a request path belongs to ("schedule" refinements point at the end date). */
export function fieldOfPath(path: readonly PropertyKey[]): MessageDraftField | null {
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
