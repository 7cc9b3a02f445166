/**
 * One bot's form: its name, the trigger ("When"), the audience (the
 * targeting rule builder), the ordered steps, and whether it runs. Problems
 * are shown where they are; the server's refusal (a tag or team gone
 * meanwhile) under the form.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { BOT_LIMITS, BOT_TRIGGERS, type Bot, type BotTriggerOn, type Segment } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { BOT_TRIGGER_LABELS, type BotDraft, type BotErrors, type BotInput, type BotReferences, botDraftFrom, botInputFrom } from '../../state/bot-form.js';
import { Field } from '../content/Field.js';
import { FormFooter } from '../content/FormFooter.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { BotStepList } from './BotStepList.js';

export interface BotEditorProps {
  /** null: a new bot. */
  bot: Bot | null;
  refs: BotReferences;
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  /** Resolves when saved; rejects with an ApiError the form shows. */
  onSave(input: BotInput): Promise<void>;
  onCancel(): void;
}

export function BotEditor({ bot, refs, segments, onSave, onCancel }: BotEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<BotDraft>(() => botDraftFrom(bot));
  const [errors, setErrors] = useState<BotErrors | null>(null);
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const edit = (change: Partial<BotDraft>) => setDraft((d) => ({ ...d, ...change }));

  useEffect(() => nameRef.current?.focus(), []);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const checked = botInputFrom(draft);
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
      setFailure(error instanceof ApiError ? error.message : 'Could not save the bot.');
      setSaving(false);
    }
  }

  return (
    <form class="rule-editor" aria-label={bot ? `Edit bot ${bot.name}` : 'New bot'} onSubmit={submit} noValidate>
      <Field id={`${id}-name`} label="Bot name" error={errors?.name}>
        {(aria) => <input {...aria} ref={nameRef} class="input" type="text" maxLength={BOT_LIMITS.name} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />}
      </Field>
      <Field id={`${id}-trigger`} label="When">
        {(aria) => (
          <select {...aria} class="select" value={draft.on} onChange={(e) => edit({ on: e.currentTarget.value as BotTriggerOn })}>
            {BOT_TRIGGERS.map((t) => (
              <option key={t} value={t}>
                {BOT_TRIGGER_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RuleBuilder
        legend="And the visitor matches"
        idPrefix={`${id}-audience`}
        draft={draft.audience}
        onChange={(audience) => edit({ audience })}
        errors={errors?.audience ?? null}
        segments={segments}
        hint="With no conditions, every visitor. The page is the one the visitor is on; conversation.first_message is what they wrote."
      />
      <BotStepList idPrefix={`${id}-steps`} steps={draft.steps} refs={refs} onChange={(steps) => edit({ steps })} error={errors?.steps} errors={errors?.step} />
      <label class="settings__choice">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => edit({ enabled: e.currentTarget.checked })} />
        Enabled
      </label>
      <FormFooter error={failure} saving={saving} submitLabel={bot ? 'Save bot' : 'Add bot'} onCancel={onCancel} />
    </form>
  );
}
