/**
 * One automation rule's form: its name, the trigger ("When"), the conditions
 * (the targeting rule builder, with the facts this trigger adds listed), the
 * ordered actions ("Then"), whether it stops the rules after it, and whether
 * it runs. Problems are shown where they are; the server's refusal (a
 * reference gone meanwhile) under the form.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  AUTOMATION_CONVERSATION_FACTS,
  AUTOMATION_LIMITS,
  AUTOMATION_TRIGGER_FACTS,
  AUTOMATION_TRIGGERS,
  type AutomationRule,
  type AutomationTrigger,
  type Segment,
} from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { type AutomationReferences, TRIGGER_LABELS } from '../../state/automation-labels.js';
import {
  automationRuleDraftFrom,
  automationRuleInputFrom,
  type AutomationRuleDraft,
  type AutomationRuleErrors,
  type AutomationRuleInput,
} from '../../state/automation-rule-form.js';
import { Field } from '../content/Field.js';
import { FormFooter } from '../content/FormFooter.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { AutomationActionList } from './AutomationActionList.js';

export interface AutomationRuleEditorProps {
  /** null: a new rule. */
  rule: AutomationRule | null;
  refs: AutomationReferences;
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  /** Resolves when saved; rejects with an ApiError the form shows. */
  onSave(input: AutomationRuleInput): Promise<void>;
  onCancel(): void;
}

function FactList({ facts }: { facts: readonly string[] }) {
  return (
    <>
      {facts.map((fact, i) => (
        <span key={fact}>
          {i > 0 && ', '}
          <code>{fact}</code>
        </span>
      ))}
    </>
  );
}

export function AutomationRuleEditor({ rule, refs, segments, onSave, onCancel }: AutomationRuleEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<AutomationRuleDraft>(() => automationRuleDraftFrom(rule));
  const [errors, setErrors] = useState<AutomationRuleErrors | null>(null);
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const edit = (change: Partial<AutomationRuleDraft>) => setDraft((d) => ({ ...d, ...change }));

  useEffect(() => nameRef.current?.focus(), []);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const checked = automationRuleInputFrom(draft);
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

  const triggerFacts = AUTOMATION_TRIGGER_FACTS[draft.trigger];

  return (
    <form class="rule-editor" aria-label={rule ? `Edit automation ${rule.name}` : 'New automation'} onSubmit={submit} noValidate>
      <Field id={`${id}-name`} label="Rule name" error={errors?.name}>
        {(aria) => <input {...aria} ref={nameRef} class="input" type="text" maxLength={AUTOMATION_LIMITS.name} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />}
      </Field>
      <Field id={`${id}-trigger`} label="When">
        {(aria) => (
          <select {...aria} class="select" value={draft.trigger} onChange={(e) => edit({ trigger: e.currentTarget.value as AutomationTrigger })}>
            {AUTOMATION_TRIGGERS.map((t) => (
              <option key={t} value={t}>
                {TRIGGER_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RuleBuilder
        legend="And these conditions hold"
        idPrefix={`${id}-conditions`}
        draft={draft.conditions}
        onChange={(conditions) => edit({ conditions })}
        errors={errors?.conditions ?? null}
        segments={segments}
        hint="With no conditions, every event of the trigger matches."
      />
      <p class="settings__hint">
        Besides the contact’s traits, events and segments, an Attribute condition can use the conversation’s <FactList facts={AUTOMATION_CONVERSATION_FACTS} />
        {triggerFacts.length > 0 && (
          <>
            {' '}
            and this trigger’s <FactList facts={triggerFacts} />
          </>
        )}
        .
      </p>
      <AutomationActionList idPrefix={`${id}-actions`} actions={draft.actions} refs={refs} onChange={(actions) => edit({ actions })} error={errors?.actions} errors={errors?.action} />
      <label class="settings__choice">
        <input type="checkbox" checked={draft.stopProcessing} onChange={(e) => edit({ stopProcessing: e.currentTarget.checked })} />
        Stop: when this rule matches, the rules after it don’t run for the event
      </label>
      <label class="settings__choice">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => edit({ enabled: e.currentTarget.checked })} />
        Enabled
      </label>
      <FormFooter error={failure} saving={saving} submitLabel={rule ? 'Save rule' : 'Add rule'} onCancel={onCancel} />
    </form>
  );
}
