/** A free-text answer: one line, or a textarea when `long`. Enter answers; Shift+Enter is a new line. */
import { useState } from 'preact/hooks';
import { submitOnEnter } from './keys.js';
import type { QuestionProps } from './types.js';

/** The server keeps at most this much of a text answer. */
const TEXT_MAX = 2000;

export function TextQuestion({ question, onChange, onSubmit, labelId, required }: QuestionProps) {
  // The raw text stays local (leading spaces, trailing newlines while typing); the answer is trimmed.
  const [raw, setRaw] = useState('');
  const props = {
    class: 'ps-text',
    'aria-labelledby': labelId,
    'aria-required': required ? ('true' as const) : undefined,
    maxLength: TEXT_MAX,
    value: raw,
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      setRaw(e.currentTarget.value);
      onChange(e.currentTarget.value.trim() || undefined);
    },
    onKeyDown: submitOnEnter(onSubmit),
  };
  return question.long ? <textarea {...props} rows={4} /> : <input type="text" {...props} />;
}
