/**
 * One automation rule in the list: its place, name and summary ("When … ·
 * then …"), whether it runs, and — for admins — Move up / Move down, Edit,
 * Delete. Every agent can open its run log. Buttons are named after the rule
 * for screen readers; the section keeps a ref to each so focus can follow.
 */
import { useState } from 'preact/hooks';
import type { AutomationRule } from '../../../protocol/index.js';
import type { AutomationApi } from '../../api/automation-endpoints.js';
import { type AutomationReferences, automationRuleSummary } from '../../state/automation-labels.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { AutomationRunLog } from './AutomationRunLog.js';

export interface AutomationRuleCardProps {
  rule: AutomationRule;
  index: number;
  count: number;
  refs: AutomationReferences;
  canEdit: boolean;
  api: Pick<AutomationApi, 'listAutomationRuns'>;
  /** Registers a control for focus (`<rule id>:<control>`). */
  controlRef(key: string): (el: HTMLElement | null) => void;
  onToggle(enabled: boolean): void;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onDelete(): Promise<void>;
}

export function AutomationRuleCard({ rule, index, count, refs, canEdit, api, controlRef, onToggle, onMove, onEdit, onDelete }: AutomationRuleCardProps) {
  const [showRuns, setShowRuns] = useState(false);
  const runsId = `automation-${rule.id}-runs`;
  return (
    <article class={`rule-card${rule.enabled ? '' : ' rule-card--disabled'}`} aria-labelledby={`automation-${rule.id}-name`}>
      <div class="rule-card__head">
        <span class="rule-card__position" aria-hidden="true">
          {index + 1}
        </span>
        <h3 id={`automation-${rule.id}-name`} class="rule-card__name">
          <span class="visually-hidden">Rule {index + 1}: </span>
          {rule.name}
        </h3>
        {canEdit ? (
          <label class="settings__choice rule-card__enabled">
            <input ref={controlRef(`${rule.id}:enabled`)} type="checkbox" checked={rule.enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
            Enabled<span class="visually-hidden"> ({rule.name})</span>
          </label>
        ) : (
          <span class={`status-badge${rule.enabled ? ' status-badge--live' : ''}`}>{rule.enabled ? 'Enabled' : 'Disabled'}</span>
        )}
      </div>
      <p class="rule-card__summary">{automationRuleSummary(rule, refs)}</p>
      <div class="rule-card__actions">
        {canEdit && (
          <>
            <button ref={controlRef(`${rule.id}:up`)} type="button" class="button button--ghost" aria-disabled={index === 0 ? 'true' : undefined} onClick={() => onMove(-1)}>
              Move up<span class="visually-hidden"> {rule.name}</span>
            </button>
            <button
              ref={controlRef(`${rule.id}:down`)}
              type="button"
              class="button button--ghost"
              aria-disabled={index === count - 1 ? 'true' : undefined}
              onClick={() => onMove(1)}
            >
              Move down<span class="visually-hidden"> {rule.name}</span>
            </button>
            <button ref={controlRef(`${rule.id}:edit`)} type="button" class="button" onClick={onEdit}>
              Edit<span class="visually-hidden"> {rule.name}</span>
            </button>
          </>
        )}
        <button type="button" class="button button--ghost" aria-expanded={showRuns} aria-controls={showRuns ? runsId : undefined} onClick={() => setShowRuns(!showRuns)}>
          Run log<span class="visually-hidden"> of {rule.name}</span>
        </button>
        {canEdit && <ConfirmDelete thing="rule" name={rule.name} onConfirm={onDelete} />}
      </div>
      {showRuns && (
        <div id={runsId}>
          <AutomationRunLog api={api} ruleId={rule.id} ruleName={rule.name} />
        </div>
      )}
    </article>
  );
}
