/**
 * The open conversation's tags: chips with a remove button each, and a
 * combobox that suggests the workspace's tags as the agent types (arrows and
 * Enter pick one; Enter alone adds what was typed, a new tag). Every change
 * sends the whole set (`PUT …/tags`) and is announced.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { AgentConversation } from '../../protocol/index.js';
import { listboxAction } from '../state/listbox-keys.js';
import { addTag, removeTag, tagProblem, tagSuggestions } from '../state/tag-edits.js';
import { useInbox } from './inbox-context.js';
import { comboboxProps, SuggestionListbox } from './SuggestionListbox.js';

const LIST_ID = 'tag-suggestions';
const INPUT_ID = 'tag-input';

export function TagEditor({ conversation }: { conversation: AgentConversation }) {
  const { current, tags: known, announcer } = useInbox();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const tags = conversation.tags ?? [];
  const suggestions = open ? tagSuggestions(known.names.value, text, tags) : [];
  const expanded = suggestions.length > 0;

  function add(name: string): void {
    const why = tagProblem(tags, name);
    setProblem(why ?? '');
    if (why) return;
    const trimmed = name.trim();
    setText('');
    setOpen(false);
    setActive(-1);
    void current.editTags((now) => addTag(now, trimmed)).then((done) => {
      if (!done) return;
      known.noteUsed([trimmed]);
      announcer.announce(`Tag ${trimmed} added.`);
    });
  }

  function remove(name: string): void {
    setProblem('');
    // The button pressed is about to go: keep the keyboard in the editor.
    input.current?.focus();
    void current.editTags((now) => removeTag(now, name)).then((done) => done && announcer.announce(`Tag ${name} removed.`));
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLInputElement>): void {
    if (event.isComposing) return;
    const action = expanded ? listboxAction(event.key, active, suggestions.length) : null;
    if (action?.type === 'move') {
      event.preventDefault();
      setActive(action.index);
    } else if (action?.type === 'close') {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (action?.type === 'pick' && action.index >= 0) {
      event.preventDefault();
      add(suggestions[action.index]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
    }
  }

  return (
    <div class="tag-editor">
      {tags.length > 0 && (
        <ul class="tag-chips" aria-label="Conversation tags">
          {tags.map((tag) => (
            <li key={tag} class="tag-chip">
              <span class="tag-chip__name">{tag}</span>
              <button type="button" class="tag-chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="tag-editor__field">
        <label class="visually-hidden" for={INPUT_ID}>
          Add a tag
        </label>
        <input
          id={INPUT_ID}
          ref={input}
          class="input tag-editor__input"
          type="text"
          role="combobox"
          aria-expanded={expanded}
          {...comboboxProps(LIST_ID, expanded, active)}
          aria-describedby={problem ? 'tag-problem' : undefined}
          aria-invalid={problem ? true : undefined}
          autocomplete="off"
          placeholder="Add a tag…"
          maxLength={100}
          value={text}
          onFocus={() => void known.ensure()}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setOpen(true);
            setActive(-1);
            setProblem('');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {expanded && (
          <SuggestionListbox
            id={LIST_ID}
            label="Tag suggestions"
            options={suggestions.map((name) => ({ key: name, label: name }))}
            active={active}
            onPick={(index) => add(suggestions[index])}
          />
        )}
      </div>
      {problem && (
        <p id="tag-problem" class="tag-editor__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
