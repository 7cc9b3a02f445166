/**
 * The ordered actions of a rule: each a group named "Action N" with its type,
 * its fields, and Move up / Move down / Remove; "Add action" at the end.
 * Focus follows what was used: a moved action's button, the new action's
 * type, or "Add action" after a removal.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { AUTOMATION_ACTION_TYPES, AUTOMATION_LIMITS, type AutomationActionType } from '../../../protocol/index.js';
import { type ActionDraft, moveAction, newActionDraft, replaceAction } from '../../state/automation-actions-draft.js';
import { ACTION_LABELS, type AutomationReferences } from '../../state/automation-labels.js';
import { FieldError, labelOf } from '../content/Field.js';
import { AutomationActionFields } from './AutomationActionFields.js';

export interface AutomationActionListProps {
  idPrefix: string;
  actions: readonly ActionDraft[];
  refs: AutomationReferences;
  onChange(actions: ActionDraft[]): void;
  /** About the whole list. */
  error?: string;
  /** Per action, by key. */
  errors?: ReadonlyMap<number, string>;
}

export function AutomationActionList({ idPrefix, actions, refs, onChange, error, errors }: AutomationActionListProps) {
  const controls = useRef(new Map<string, HTMLElement>());
  const [focusAfter, setFocusAfter] = useState<{ key: string } | null>(null);
  const ref = (key: string) => (el: HTMLElement | null) => {
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };
  useEffect(() => {
    if (focusAfter) controls.current.get(focusAfter.key)?.focus();
  }, [focusAfter]);

  const full = actions.length >= AUTOMATION_LIMITS.actionsPerRule;
  const listErrorId = `${idPrefix}-error`;

  return (
    <fieldset class="settings__fieldset automation-actions" aria-describedby={error ? listErrorId : undefined}>
      <legend>Then</legend>
      {actions.length === 0 && <p class="settings__hint">No actions yet.</p>}
      <ol class="automation-actions__list">
        {actions.map((action, index) => {
          const id = `${idPrefix}-${action.key}`;
          const item = `action ${index + 1}`;
          const rowError = errors?.get(action.key);
          return (
            <li key={action.key} class="automation-actions__item">
              <div role="group" aria-labelledby={`${id}-title`} aria-describedby={rowError ? `${id}-error` : undefined} class="automation-action">
                <h4 id={`${id}-title`} class="automation-action__title">
                  Action {index + 1}
                </h4>
                <div class="field">
                  <label class="field__label" for={`${id}-type`}>
                    {labelOf('Do', item)}
                  </label>
                  <select
                    id={`${id}-type`}
                    ref={ref(`${action.key}:type`)}
                    class="select"
                    value={action.type}
                    onChange={(e) => onChange(replaceAction(actions, action.key, { type: e.currentTarget.value as AutomationActionType }))}
                  >
                    {AUTOMATION_ACTION_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {ACTION_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </div>
                <AutomationActionFields id={id} item={item} draft={action} refs={refs} onChange={(change) => onChange(replaceAction(actions, action.key, change))} />
                <FieldError id={`${id}-error`} text={rowError} />
                <div class="rule-card__actions">
                  <button
                    ref={ref(`${action.key}:up`)}
                    type="button"
                    class="button button--ghost"
                    aria-disabled={index === 0 ? 'true' : undefined}
                    onClick={() => {
                      if (index === 0) return;
                      onChange(moveAction(actions, action.key, -1));
                      setFocusAfter({ key: `${action.key}:up` });
                    }}
                  >
                    Move up<span class="visually-hidden"> {item}</span>
                  </button>
                  <button
                    ref={ref(`${action.key}:down`)}
                    type="button"
                    class="button button--ghost"
                    aria-disabled={index === actions.length - 1 ? 'true' : undefined}
                    onClick={() => {
                      if (index === actions.length - 1) return;
                      onChange(moveAction(actions, action.key, 1));
                      setFocusAfter({ key: `${action.key}:down` });
                    }}
                  >
                    Move down<span class="visually-hidden"> {item}</span>
                  </button>
                  <button
                    type="button"
                    class="button button--danger"
                    onClick={() => {
                      onChange(actions.filter((a) => a.key !== action.key));
                      setFocusAfter({ key: 'add' });
                    }}
                  >
                    Remove<span class="visually-hidden"> {item}</span>
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError id={listErrorId} text={error} />
      <div>
        <button
          ref={ref('add')}
          type="button"
          class="button"
          aria-disabled={full ? 'true' : undefined}
          onClick={() => {
            if (full) return;
            const added = newActionDraft();
            onChange([...actions, added]);
            setFocusAfter({ key: `${added.key}:type` });
          }}
        >
          Add action
        </button>
      </div>
    </fieldset>
  );
}
