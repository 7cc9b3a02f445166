/**
 * One choice (a radiogroup) or several (a group of checkboxes), drawn as
 * full-width rows. With `allow_other`, an "Other" choice reveals a text field
 * labelled "Other"; the answer then carries the typed text in its place
 * (an "Other" left empty is no answer at all).
 */
import { useState } from 'preact/hooks';
import type { AnswerValue } from '../../../../protocol/surveys/models.js';
import { moveInRadioGroup, submitOnEnter } from './keys.js';
import type { QuestionProps } from './types.js';

/** Multi answers hold options (≤ 200 characters each, like the server's check), so the "Other" text does too. */
const OTHER_MAX = 200;

export function ChoiceQuestion({ question, strings, onChange, onSubmit, labelId, name, required }: QuestionProps) {
  const multi = question.type === 'multi';
  const options = question.options ?? [];
  const [picked, setPicked] = useState<string[]>([]);
  const [otherOn, setOtherOn] = useState(false);
  const [other, setOther] = useState('');

  const update = (nextPicked: string[], nextOn: boolean, nextOther: string) => {
    setPicked(nextPicked);
    setOtherOn(nextOn);
    setOther(nextOther);
    const text = nextOn ? nextOther.trim() : '';
    let answer: AnswerValue | undefined;
    if (multi) {
      // In the order shown, not the order clicked: results group by option.
      const all = options.filter((o) => nextPicked.includes(o)).concat(text ? [text] : []);
      answer = all.length ? all : undefined;
    } else {
      answer = nextOn ? text || undefined : nextPicked[0];
    }
    onChange(answer);
  };
  const toggle = (option: string, on: boolean) =>
    update(multi ? (on ? [...picked, option] : picked.filter((p) => p !== option)) : [option], multi && otherOn, other);

  const type = multi ? 'checkbox' : 'radio';
  return (
    <>
      <div
        class="ps-choices"
        role={multi ? 'group' : 'radiogroup'}
        aria-labelledby={labelId}
        // aria-required belongs to a radiogroup, not to a plain group.
        aria-required={required && !multi ? 'true' : undefined}
        onKeyDown={multi ? undefined : moveInRadioGroup}
      >
        {options.map((option, i) => (
          <Choice key={i} type={type} name={name} label={option} checked={picked.includes(option)} onChange={(on) => toggle(option, on)} />
        ))}
        {question.allow_other && (
          <Choice type={type} name={name} label={strings.other} checked={otherOn}
            onChange={(on) => update(multi ? picked : [], multi ? on : true, other)} />
        )}
      </div>
      {otherOn && (
        <input
          type="text"
          class="ps-text ps-other"
          aria-label={strings.other}
          maxLength={OTHER_MAX}
          value={other}
          onInput={(e) => update(picked, true, e.currentTarget.value)}
          onKeyDown={submitOnEnter(onSubmit)}
        />
      )}
    </>
  );
}

interface ChoiceProps {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

function Choice({ type, name, label, checked, onChange }: ChoiceProps) {
  return (
    <label class="ps-choice">
      <input type={type} class="ps-input" name={name} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class="ps-box">
        <span class={`ps-mark ps-${type}`} aria-hidden="true" />
        <span>{label}</span>
      </span>
    </label>
  );
}
