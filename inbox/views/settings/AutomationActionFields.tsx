/**
 * The fields of one automation action, by its type: which team or agent,
 * which tag, the priority, the canned reply, the webhook, the note, how long
 * to snooze. Labels end with " of action N" for screen readers, so every
 * control of the list has a name of its own.
 */
import { AUTOMATION_LIMITS, type Priority } from '../../../protocol/index.js';
import { PRIORITY_LABELS } from '../../state/assignment-labels.js';
import type { ActionDraft } from '../../state/automation-actions-draft.js';
import { type AutomationReferences, webhookLabel } from '../../state/automation-labels.js';
import { Field, labelOf } from '../content/Field.js';

const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface AutomationActionFieldsProps {
  id: string;
  /** "action 2". */
  item: string;
  draft: ActionDraft;
  refs: AutomationReferences;
  onChange(change: Partial<Omit<ActionDraft, 'key'>>): void;
}

/** A select over `options`, with an empty "Choose…" first and a kept "(deleted)" entry for an id no longer listed. */
function Choice(props: { id: string; label: string; item: string; value: string; empty: string; options: readonly { id: string; label: string }[]; onChange(value: string): void }) {
  const { id, label, item, value, empty, options, onChange } = props;
  const listed = value === '' || options.some((o) => o.id === value) ? options : [...options, { id: value, label: '(deleted)' }];
  return (
    <Field id={id} label={labelOf(label, item)}>
      {(aria) => (
        <select {...aria} class="select" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{empty}</option>
          {listed.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function AutomationActionFields({ id, item, draft, refs, onChange }: AutomationActionFieldsProps) {
  const named = (list: readonly { id: string; name: string }[]) => list.map((x) => ({ id: x.id, label: x.name }));
  switch (draft.type) {
    case 'assign':
      return (
        <div class="rule-editor__row">
          <Choice id={`${id}-team`} label="Team" item={item} value={draft.teamId} empty="Keep the team" options={named(refs.teams)} onChange={(teamId) => onChange({ teamId })} />
          <Choice id={`${id}-agent`} label="Agent" item={item} value={draft.agentId} empty="Keep the agent" options={named(refs.agents)} onChange={(agentId) => onChange({ agentId })} />
        </div>
      );
    case 'add_tag':
    case 'remove_tag':
      return <Choice id={`${id}-tag`} label="Tag" item={item} value={draft.tagId} empty="Choose a tag" options={named(refs.tags)} onChange={(tagId) => onChange({ tagId })} />;
    case 'set_priority':
      return (
        <Field id={`${id}-priority`} label={labelOf('Priority', item)}>
          {(aria) => (
            <select {...aria} class="select" value={draft.priority} onChange={(e) => onChange({ priority: e.currentTarget.value as Priority })}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case 'send_canned_reply':
      return (
        <Choice
          id={`${id}-reply`}
          label="Canned reply"
          item={item}
          value={draft.cannedReplyId}
          empty="Choose a reply"
          options={refs.cannedReplies.map((r) => ({ id: r.id, label: `/${r.shortcut} — ${r.title}` }))}
          onChange={(cannedReplyId) => onChange({ cannedReplyId })}
        />
      );
    case 'call_webhook':
      return (
        <Choice
          id={`${id}-webhook`}
          label="Webhook"
          item={item}
          value={draft.webhookId}
          empty="Choose a webhook"
          options={refs.webhooks.map((w) => ({ id: w.id, label: webhookLabel(w) }))}
          onChange={(webhookId) => onChange({ webhookId })}
        />
      );
    case 'add_note':
      return (
        <Field id={`${id}-note`} label={labelOf('Note', item)} hint="Markdown; only the team sees it.">
          {(aria) => <textarea {...aria} class="input settings__textarea" rows={3} maxLength={AUTOMATION_LIMITS.noteBody} value={draft.body} onInput={(e) => onChange({ body: e.currentTarget.value })} />}
        </Field>
      );
    case 'snooze':
      return (
        <Field id={`${id}-minutes`} label={labelOf('Minutes', item)}>
          {(aria) => (
            <input {...aria} class="input" type="number" inputMode="numeric" min={1} max={AUTOMATION_LIMITS.snoozeMinutes} value={draft.minutes} onInput={(e) => onChange({ minutes: e.currentTarget.value })} />
          )}
        </Field>
      );
    case 'unassign':
    case 'close':
      return null;
  }
}
