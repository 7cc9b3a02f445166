/**
 * The assignment rules in their order (the first enabled match wins): each
 * with its name, whether it runs, where it sends a conversation; admins move
 * a rule up or down (`PATCH position`), switch it on or off, edit, add and
 * delete. After every change the list is read again: positions shift on the
 * server. Focus stays on the control used (the moved rule's button follows it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AssignmentRule, Segment, Team } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { assignmentRulePatch, assignmentRuleSummary, inOrder } from '../../state/assignment-rule-form.js';
import { errorText } from '../content/use-resource.js';
import { AssignmentRuleEditor } from './AssignmentRuleEditor.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';

export type AssignmentRulesApi = Pick<InboxApi, 'listAssignmentRules' | 'createAssignmentRule' | 'updateAssignmentRule' | 'deleteAssignmentRule'>;

export interface AssignmentRulesSectionProps {
  api: AssignmentRulesApi;
  rules: readonly AssignmentRule[];
  teams: readonly Pick<Team, 'id' | 'name'>[];
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  canEdit: boolean;
  onChange(rules: readonly AssignmentRule[]): void;
}

export function AssignmentRulesSection({ api, rules, teams, segments, canEdit, onChange }: AssignmentRulesSectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusAfter, setFocusAfter] = useState<{ key: string } | null>(null);
  const controls = useRef(new Map<string, HTMLElement>());
  const ref = (key: string) => (el: HTMLElement | null) => {
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };

  useEffect(() => {
    if (focusAfter) controls.current.get(focusAfter.key)?.focus();
  }, [focusAfter]);

  async function refresh(): Promise<void> {
    onChange(inOrder((await api.listAssignmentRules()).data));
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

  function move(rule: AssignmentRule, delta: -1 | 1): void {
    const position = rule.position + delta;
    if (position < 0 || position >= rules.length) return;
    void change(async () => {
      await api.updateAssignmentRule(rule.id, { position });
      return `Moved “${rule.name}” to position ${position + 1} of ${rules.length}.`;
    }, `${rule.id}:${delta < 0 ? 'up' : 'down'}`);
  }

  function close(focus: string): void {
    setEditing(null);
    setFocusAfter({ key: focus });
  }

  return (
    <section class="settings__section" aria-labelledby="rules-title">
      <h2 id="rules-title" class="settings__section-title">
        Assignment rules
      </h2>
      <p class="settings__hint">
        Every new conversation goes through the rules in this order: the first enabled rule that matches sets its team and priority and picks an
        online member with room. With no match it stays unassigned.
      </p>
      {rules.length === 0 && <p class="settings__hint">No rules yet: new conversations stay unassigned.</p>}
      <ol class="rule-list">
        {rules.map((rule, index) => (
          <li key={rule.id} class="rule-list__item">
            {editing === rule.id ? (
              <AssignmentRuleEditor
                rule={rule}
                teams={teams}
                segments={segments}
                onCancel={() => close(`${rule.id}:edit`)}
                onSave={async (input) => {
                  const patch = assignmentRulePatch(rule, input);
                  if (Object.keys(patch).length > 0) await api.updateAssignmentRule(rule.id, patch);
                  await refresh();
                  setNotice(`Rule “${input.name}” saved.`);
                  close(`${rule.id}:edit`);
                }}
              />
            ) : (
              <article class={`rule-card${rule.enabled ? '' : ' rule-card--disabled'}`} aria-labelledby={`rule-${rule.id}-name`}>
                <div class="rule-card__head">
                  <span class="rule-card__position" aria-hidden="true">
                    {index + 1}
                  </span>
                  <h3 id={`rule-${rule.id}-name`} class="rule-card__name">
                    <span class="visually-hidden">Rule {index + 1}: </span>
                    {rule.name}
                  </h3>
                  {canEdit ? (
                    <label class="settings__choice rule-card__enabled">
                      <input
                        ref={ref(`${rule.id}:enabled`)}
                        type="checkbox"
                        checked={rule.enabled}
                        onChange={(e) => {
                          const enabled = e.currentTarget.checked;
                          void change(async () => {
                            await api.updateAssignmentRule(rule.id, { enabled });
                            return `Rule “${rule.name}” ${enabled ? 'enabled' : 'disabled'}.`;
                          }, `${rule.id}:enabled`);
                        }}
                      />
                      Enabled<span class="visually-hidden"> ({rule.name})</span>
                    </label>
                  ) : (
                    <span class={`status-badge${rule.enabled ? ' status-badge--live' : ''}`}>{rule.enabled ? 'Enabled' : 'Disabled'}</span>
                  )}
                </div>
                <p class="rule-card__summary">{assignmentRuleSummary(rule, teams)}</p>
                {canEdit && (
                  <div class="rule-card__actions">
                    <button
                      ref={ref(`${rule.id}:up`)}
                      type="button"
                      class="button button--ghost"
                      aria-disabled={index === 0 ? 'true' : undefined}
                      onClick={() => move(rule, -1)}
                    >
                      Move up<span class="visually-hidden"> {rule.name}</span>
                    </button>
                    <button
                      ref={ref(`${rule.id}:down`)}
                      type="button"
                      class="button button--ghost"
                      aria-disabled={index === rules.length - 1 ? 'true' : undefined}
                      onClick={() => move(rule, 1)}
                    >
                      Move down<span class="visually-hidden"> {rule.name}</span>
                    </button>
                    <button
                      ref={ref(`${rule.id}:edit`)}
                      type="button"
                      class="button"
                      onClick={() => {
                        setNotice('');
                        setEditing(rule.id);
                      }}
                    >
                      Edit<span class="visually-hidden"> {rule.name}</span>
                    </button>
                    <ConfirmDelete
                      thing="rule"
                      name={rule.name}
                      onConfirm={() =>
                        change(async () => {
                          await api.deleteAssignmentRule(rule.id);
                          return `Rule “${rule.name}” deleted.`;
                        }, 'new')
                      }
                    />
                  </div>
                )}
              </article>
            )}
          </li>
        ))}
      </ol>
      {canEdit &&
        (editing === 'new' ? (
          <AssignmentRuleEditor
            rule={null}
            teams={teams}
            segments={segments}
            onCancel={() => close('new')}
            onSave={async (input) => {
              const created = await api.createAssignmentRule(input);
              await refresh();
              setNotice(`Rule “${created.name}” added at position ${created.position + 1}.`);
              close(`${created.id}:edit`);
            }}
          />
        ) : (
          <div>
            <button
              ref={ref('new')}
              type="button"
              class="button"
              onClick={() => {
                setNotice('');
                setEditing('new');
              }}
            >
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
