/**
 * One assignment rule's form: name, the condition (the targeting rule
 * builder, with the conversation's own attributes listed), the team it sends
 * to, the priority it sets, how it picks an agent, and whether it runs.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  ASSIGNMENT_RULE_LIMITS,
  ASSIGNMENT_STRATEGIES,
  CONVERSATION_FACTS,
  type AssignmentRule,
  type AssignmentStrategy,
  type Priority,
  type Segment,
  type Team,
} from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { PRIORITY_LABELS, STRATEGY_LABELS } from '../../state/assignment-labels.js';
import {
  assignmentRuleDraftFrom,
  assignmentRuleInputFrom,
  type AssignmentRuleDraft,
  type AssignmentRuleErrors,
  type AssignmentRuleInput,
} from '../../state/assignment-rule-form.js';
import { Field } from '../content/Field.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { FormFooter } from '../content/FormFooter.js';

const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface AssignmentRuleEditorProps {
  /** null: a new rule. */
  rule: AssignmentRule | null;
  teams: readonly Pick<Team, 'id' | 'name'>[];
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  /** Resolves when saved; rejects with an ApiError the form shows. */
  onSave(input: AssignmentRuleInput): Promise<void>;
  onCancel(): void;
}

export function AssignmentRuleEditor({ rule, teams, segments, onSave, onCancel }: AssignmentRuleEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<AssignmentRuleDraft>(() => assignmentRuleDraftFrom(rule));
  const [errors, setErrors] = useState<AssignmentRuleErrors | null>(null);
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const edit = (change: Partial<AssignmentRuleDraft>) => setDraft((d) => ({ ...d, ...change }));

  useEffect(() => nameRef.current?.focus(), []);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const checked = assignmentRuleInputFrom(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure('Fix the marked fields first.');
      if (checked.errors.name) nameRef.current?.focus();
      return;
    }
    setErrors(null);
    setFailure('');
    setSaving(true);
    try {
      await onSave(checked.input);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Could not save the rule.');
      setSaving(false);
    }
  }

  // A rule's team may be gone; keep it selectable so saving doesn't change it silently.
  const teamOptions = draft.teamId && !teams.some((t) => t.id === draft.teamId) ? [...teams, { id: draft.teamId, name: 'Deleted team' }] : teams;

  return (
    <form class="rule-editor" aria-label={rule ? `Edit rule ${rule.name}` : 'New rule'} onSubmit={submit} noValidate>
      <Field id={`${id}-name`} label="Rule name" error={errors?.name}>
        {(aria) => (
          <input {...aria} ref={nameRef} class="input" type="text" maxLength={ASSIGNMENT_RULE_LIMITS.name} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />
        )}
      </Field>
      <RuleBuilder
        legend="Conditions"
        idPrefix={`${id}-when`}
        draft={draft.when}
        onChange={(when) => edit({ when })}
        errors={errors?.when ?? null}
        segments={segments}
        hint="New conversations that match go to the team below. With no conditions, every conversation matches."
      />
      <p class="settings__hint">
        Besides the contact’s traits, events and segments, an Attribute condition can use the conversation’s own:{' '}
        {CONVERSATION_FACTS.map((fact, i) => (
          <span key={fact}>
            {i > 0 && ', '}
            <code>{fact}</code>
          </span>
        ))}
        .
      </p>
      <div class="rule-editor__row">
        <Field id={`${id}-team`} label="Team">
          {(aria) => (
            <select {...aria} class="select" value={draft.teamId} onChange={(e) => edit({ teamId: e.currentTarget.value })}>
              <option value="">No team (only set the priority)</option>
              {teamOptions.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-priority`} label="Priority">
          {(aria) => (
            <select {...aria} class="select" value={draft.priority} onChange={(e) => edit({ priority: e.currentTarget.value as Priority | '' })}>
              <option value="">Leave as it is</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-strategy`} label="Strategy" hint={draft.teamId ? undefined : 'Used once the rule has a team.'}>
          {(aria) => (
            <select {...aria} class="select" value={draft.strategy} onChange={(e) => edit({ strategy: e.currentTarget.value as AssignmentStrategy })}>
              {ASSIGNMENT_STRATEGIES.map((s) => (
                <option key={s} value={s}>
                  {STRATEGY_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label class="settings__choice">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => edit({ enabled: e.currentTarget.checked })} />
        Enabled
      </label>
      <FormFooter error={failure} saving={saving} submitLabel={rule ? 'Save rule' : 'Add rule'} onCancel={onCancel} />
    </form>
  );
}
