/**
 * The automation rules in their order (the rules of a trigger run in this
 * order): admins switch one on or off, move it (the whole order is sent with
 * `PUT /automation-rules/order`), edit, add and delete; every agent reads the
 * run logs. After every change the list is read again. Focus stays on the
 * control used (a moved rule's button follows it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AutomationRule, Segment } from '../../../protocol/index.js';
import type { AutomationApi } from '../../api/automation-endpoints.js';
import { type AutomationReferences, rulesInOrder } from '../../state/automation-labels.js';
import { automationRulePatch, orderAfterMove } from '../../state/automation-rule-form.js';
import { errorText } from '../content/use-resource.js';
import { AutomationRuleCard } from './AutomationRuleCard.js';
import { AutomationRuleEditor } from './AutomationRuleEditor.js';

export interface AutomationRulesSectionProps {
  api: AutomationApi;
  rules: readonly AutomationRule[];
  refs: AutomationReferences;
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  canEdit: boolean;
  onChange(rules: readonly AutomationRule[]): void;
}

export function AutomationRulesSection({ api, rules, refs, segments, canEdit, onChange }: AutomationRulesSectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusAfter, setFocusAfter] = useState<{ key: string } | null>(null);
  const controls = useRef(new Map<string, HTMLElement>());
  const controlRef = (key: string) => (el: HTMLElement | null) => {
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };

  useEffect(() => {
    if (focusAfter) controls.current.get(focusAfter.key)?.focus();
  }, [focusAfter]);

  async function refresh(): Promise<void> {
    onChange(rulesInOrder((await api.listAutomationRules()).data));
  }

  /** Runs one change, then reads the list again; says what happened in the section's status line. */
  async function change(work: () => Promise<string>, focus?: string): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      const said = await work();
      await refresh();
      setNotice(said);
    } catch (failure) {
      setNotice(errorText(failure, 'Could not change the rules.'));
    } finally {
      setBusy(false);
      if (focus) setFocusAfter({ key: focus });
    }
  }

  function move(rule: AutomationRule, index: number, delta: -1 | 1): void {
    const to = index + delta;
    if (to < 0 || to >= rules.length) return;
    void change(async () => {
      await api.reorderAutomationRules(orderAfterMove(rules, rule.id, delta));
      return `Moved “${rule.name}” to position ${to + 1} of ${rules.length}.`;
    }, `${rule.id}:${delta < 0 ? 'up' : 'down'}`);
  }

  function close(focus: string): void {
    setEditing(null);
    setFocusAfter({ key: focus });
  }

  function startEditing(key: string): void {
    setNotice('');
    setEditing(key);
  }

  return (
    <section class="settings__section" aria-labelledby="automation-title">
      <h2 id="automation-title" class="settings__section-title">
        Automation rules
      </h2>
      <p class="settings__hint">
        When something happens — a conversation starts, the visitor writes, a tag is added, a survey is answered, an event is tracked — the enabled
        rules of that trigger run in this order: each one whose conditions hold runs its actions. What automation does never triggers automation.
      </p>
      {rules.length === 0 && <p class="settings__hint">No rules yet.</p>}
      <ol class="rule-list">
        {rules.map((rule, index) => (
          <li key={rule.id} class="rule-list__item">
            {editing === rule.id ? (
              <AutomationRuleEditor
                rule={rule}
                refs={refs}
                segments={segments}
                onCancel={() => close(`${rule.id}:edit`)}
                onSave={async (input) => {
                  const patch = automationRulePatch(rule, input);
                  if (Object.keys(patch).length > 0) await api.updateAutomationRule(rule.id, patch);
                  await refresh();
                  setNotice(`Rule “${input.name}” saved.`);
                  close(`${rule.id}:edit`);
                }}
              />
            ) : (
              <AutomationRuleCard
                rule={rule}
                index={index}
                count={rules.length}
                refs={refs}
                canEdit={canEdit}
                api={api}
                controlRef={controlRef}
                onToggle={(enabled) =>
                  void change(async () => {
                    await api.updateAutomationRule(rule.id, { enabled });
                    return `Rule “${rule.name}” ${enabled ? 'enabled' : 'disabled'}.`;
                  }, `${rule.id}:enabled`)
                }
                onMove={(delta) => move(rule, index, delta)}
                onEdit={() => startEditing(rule.id)}
                onDelete={() =>
                  change(async () => {
                    await api.deleteAutomationRule(rule.id);
                    return `Rule “${rule.name}” deleted.`;
                  }, 'new')
                }
              />
            )}
          </li>
        ))}
      </ol>
      {canEdit &&
        (editing === 'new' ? (
          <AutomationRuleEditor
            rule={null}
            refs={refs}
            segments={segments}
            onCancel={() => close('new')}
            onSave={async (input) => {
              const created = await api.createAutomationRule(input);
              await refresh();
              setNotice(`Rule “${created.name}” added at position ${created.position + 1}.`);
              close(`${created.id}:edit`);
            }}
          />
        ) : (
          <div>
            <button ref={controlRef('new')} type="button" class="button" onClick={() => startEditing('new')}>
              Add rule
            </button>
          </div>
        ))}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
