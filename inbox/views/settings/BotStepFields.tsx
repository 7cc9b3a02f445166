/**
 * The fields of one bot step, by its type: what the bot says, the buttons and
 * where each leads ("Then go to"), what an answer must be and where it is
 * kept, the trait, tag, priority or team. Labels end with " of step N" for
 * screen readers, so every control of the list has a name of its own.
 */
import { BOT_LIMITS, type BotField, type BotValidation, type Priority } from '../../../protocol/index.js';
import { PRIORITY_LABELS } from '../../state/assignment-labels.js';
import { type BotReferences, stepName } from '../../state/bot-form.js';
import { newOptionDraft, type OptionDraft, type StepDraft } from '../../state/bot-steps-draft.js';
import { Field, labelOf } from '../content/Field.js';

const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
const VALIDATIONS: Record<BotValidation, string> = { email: 'An email address', text: 'Any text', number: 'A number', choice: 'One of a list' };
const FIELDS: Record<BotField, string> = { email: 'The contact’s email', name: 'The contact’s name', trait: 'A trait' };

export interface BotStepFieldsProps {
  id: string;
  /** "step 2". */
  item: string;
  draft: StepDraft;
  /** Every step of the bot, for "Then go to". */
  steps: readonly StepDraft[];
  refs: BotReferences;
  onChange(change: Partial<Omit<StepDraft, 'key'>>): void;
}

function Select<T extends string>(props: { id: string; label: string; item: string; value: T; options: readonly (readonly [T, string])[]; onChange(value: T): void }) {
  return (
    <Field id={props.id} label={labelOf(props.label, props.item)}>
      {(aria) => (
        <select {...aria} class="select" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Text(props: { id: string; label: string; item: string; value: string; hint?: string; max?: number; onChange(value: string): void }) {
  return (
    <Field id={props.id} label={labelOf(props.label, props.item)} hint={props.hint}>
      {(aria) => <input {...aria} class="input" type="text" maxLength={props.max} value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />}
    </Field>
  );
}

/** A chosen id no longer listed stays, as "(deleted)", so saving does not silently change it. */
const withKept = (options: readonly (readonly [string, string])[], value: string, empty: string): (readonly [string, string])[] => [
  ['', empty],
  ...options,
  ...(value && !options.some(([id]) => id === value) ? [[value, '(deleted)'] as const] : []),
];

function ButtonOptions({ id, item, draft, steps, onChange }: Omit<BotStepFieldsProps, 'refs'>) {
  const targets = steps.map((s, i) => [s.id, stepName(steps, i)] as const).filter(([stepId]) => stepId !== draft.id);
  const set = (key: number, change: Partial<OptionDraft>) => onChange({ options: draft.options.map((o) => (o.key === key ? { ...o, ...change } : o)) });
  return (
    <fieldset class="settings__fieldset bot-options">
      <legend>
        Buttons<span class="visually-hidden"> of {item}</span>
      </legend>
      <ol class="bot-options__list">
        {draft.options.map((option, n) => {
          const which = `button ${n + 1} of ${item}`;
          return (
            <li key={option.key} class="rule-editor__row">
              <Text id={`${id}-o${option.key}-label`} label="Label" item={which} max={BOT_LIMITS.label} value={option.label} onChange={(label) => set(option.key, { label })} />
              <Select id={`${id}-o${option.key}-next`} label="Then go to" item={which} value={option.next} options={withKept(targets, option.next, 'The next step')} onChange={(next) => set(option.key, { next })} />
              <button type="button" class="button button--ghost" onClick={() => onChange({ options: draft.options.filter((o) => o.key !== option.key) })}>
                Remove<span class="visually-hidden"> {which}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="button"
        aria-disabled={draft.options.length >= BOT_LIMITS.options ? 'true' : undefined}
        onClick={() => draft.options.length < BOT_LIMITS.options && onChange({ options: [...draft.options, newOptionDraft(draft.options)] })}
      >
        Add button<span class="visually-hidden"> to {item}</span>
      </button>
    </fieldset>
  );
}

export function BotStepFields(props: BotStepFieldsProps) {
  const { id, item, draft, refs, onChange } = props;
  const says = (
    <Field id={`${id}-body`} label={labelOf('The bot says', item)} hint="Markdown.">
      {(aria) => <textarea {...aria} class="input settings__textarea" rows={2} maxLength={BOT_LIMITS.body} value={draft.body} onInput={(e) => onChange({ body: e.currentTarget.value })} />}
    </Field>
  );
  const named = (list: readonly { id: string; name: string }[]) => list.map((x) => [x.id, x.name] as const);
  switch (draft.type) {
    case 'message':
      return says;
    case 'buttons':
      return (
        <>
          {says}
          <ButtonOptions {...props} />
          <Text id={`${id}-trait`} label="Keep the choice as trait" item={item} hint="Optional: the chosen label is kept on the contact." value={draft.traitKey} onChange={(traitKey) => onChange({ traitKey })} />
        </>
      );
    case 'collect':
      return (
        <>
          {says}
          <div class="rule-editor__row">
            <Select id={`${id}-validation`} label="The answer must be" item={item} value={draft.validation} options={Object.entries(VALIDATIONS) as [BotValidation, string][]} onChange={(validation) => onChange({ validation })} />
            <Select id={`${id}-field`} label="Keep it as" item={item} value={draft.field} options={Object.entries(FIELDS) as [BotField, string][]} onChange={(field) => onChange({ field })} />
            {draft.field === 'trait' && <Text id={`${id}-trait`} label="Trait" item={item} value={draft.traitKey} onChange={(traitKey) => onChange({ traitKey })} />}
          </div>
          {draft.validation === 'choice' && (
            <Field id={`${id}-choices`} label={labelOf('Choices', item)} hint="One per line; shown as buttons.">
              {(aria) => <textarea {...aria} class="input settings__textarea" rows={3} value={draft.choices} onInput={(e) => onChange({ choices: e.currentTarget.value })} />}
            </Field>
          )}
        </>
      );
    case 'set_trait':
      return (
        <div class="rule-editor__row">
          <Text id={`${id}-key`} label="Trait" item={item} value={draft.traitKey} onChange={(traitKey) => onChange({ traitKey })} />
          <Text id={`${id}-value`} label="Value" item={item} hint="true, false and numbers are kept as such." value={draft.value} onChange={(value) => onChange({ value })} />
        </div>
      );
    case 'tag':
      return <Select id={`${id}-tag`} label="Tag" item={item} value={draft.tagId} options={withKept(named(refs.tags), draft.tagId, 'Choose a tag')} onChange={(tagId) => onChange({ tagId })} />;
    case 'set_priority':
      return <Select id={`${id}-priority`} label="Priority" item={item} value={draft.priority} options={PRIORITIES.map((p) => [p, PRIORITY_LABELS[p]] as const)} onChange={(priority) => onChange({ priority })} />;
    case 'assign':
      return <Select id={`${id}-team`} label="Team" item={item} value={draft.teamId} options={withKept(named(refs.teams), draft.teamId, 'Choose a team')} onChange={(teamId) => onChange({ teamId })} />;
    case 'suggest_articles':
      return <p class="settings__hint">Offers help articles for the visitor’s first message with “Did that help?”: yes resolves the conversation, no goes on.</p>;
    case 'handover':
      return <p class="settings__hint">Ends the bot: the conversation goes to the team an “Assign” step chose, or to the assignment rules.</p>;
  }
}
