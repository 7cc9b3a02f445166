/**
 * The popup list of a combobox (tags, canned replies, @mentions): focus stays
 * in the text field, which points at the active option with
 * `aria-activedescendant`; a click picks without taking focus away.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import '../styles/suggestions.css';

export interface SuggestionOption {
  key: string;
  label: ComponentChildren;
  /** A second, quieter line: a canned reply's title, an agent's email. */
  hint?: string;
}

export interface SuggestionListboxProps {
  id: string;
  label: string;
  options: readonly SuggestionOption[];
  /** -1: none active. */
  active: number;
  onPick(index: number): void;
}

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/** The combobox attributes of the text field that owns a suggestion list. */
export function comboboxProps(listId: string, open: boolean, active: number) {
  return {
    'aria-autocomplete': 'list' as const,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open && active >= 0 ? optionId(listId, active) : undefined,
  };
}

export function SuggestionListbox({ id, label, options, active, onPick }: SuggestionListboxProps) {
  useEffect(() => {
    if (active < 0) return;
    const element = document.getElementById(optionId(id, active));
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [id, active]);

  return (
    <ul id={id} class="suggestions" role="listbox" aria-label={label}>
      {options.map((option, index) => (
        <li
          key={option.key}
          id={optionId(id, index)}
          class="suggestions__option"
          role="option"
          aria-selected={index === active}
          // Keep focus (and the caret) in the text field.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(index)}
        >
          <span class="suggestions__label">{option.label}</span>
          {option.hint && <span class="suggestions__hint">{option.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
