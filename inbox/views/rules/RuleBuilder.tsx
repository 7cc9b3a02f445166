/**
 * A targeting rule editor (audience, segment, series entry, branch): nested
 * groups of condition rows, or the rule as JSON. The value is a `RuleDraft`
 * held by the parent form, so the form decides when a rule is checked and sent.
 *
 * @example
 * <RuleBuilder legend="Audience" idPrefix="audience" draft={draft.audience}
 *   onChange={(audience) => edit('audience', audience)} errors={errors.audience} segments={segments} />
 */
import { useMemo, useState } from 'preact/hooks';
import type { Segment } from '../../../protocol/index.js';
import { toggleJsonMode, type RuleDraft, type RuleErrors } from '../../state/rule-check.js';
import { RuleBuilderContext, type RuleBuilderEnv } from './rule-context.js';
import { RuleGroup } from './RuleGroup.js';
import '../../styles/rules.css';

export interface RuleBuilderProps {
  /** The fieldset's name ("Audience", "Entry rule"…). */
  legend: string;
  idPrefix: string;
  draft: RuleDraft;
  onChange(draft: RuleDraft): void;
  /** Shown beside their rows; null hides them (before a first save, say). */
  errors: RuleErrors | null;
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  /** Under the legend: what an empty rule means here. */
  hint?: string;
  /** When a heading right above already says the same (the legend still names the group for screen readers). */
  legendHidden?: boolean;
}

export function RuleBuilder({ legend, idPrefix, draft, onChange, errors, segments, hint, legendHidden }: RuleBuilderProps) {
  const [toggleError, setToggleError] = useState('');
  const env = useMemo<RuleBuilderEnv>(() => ({ idPrefix, errors, segments }), [idPrefix, errors, segments]);
  const jsonId = `${idPrefix}-json`;
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const jsonError = draft.json !== null ? (errors?.get(draft.root.key) ?? toggleError) : '';

  function toggle(): void {
    const result = toggleJsonMode(draft);
    if ('error' in result) {
      setToggleError(`Fix the JSON first: ${result.error}`);
      return;
    }
    setToggleError('');
    onChange(result.draft);
  }

  return (
    <RuleBuilderContext.Provider value={env}>
      <fieldset class="rule-builder" aria-describedby={hintId}>
        <legend class={legendHidden ? 'visually-hidden' : 'field__label rule-builder__legend'}>{legend}</legend>
        <div class="rule-builder__bar">
          {hint && (
            <p class="settings__hint" id={hintId}>
              {hint}
            </p>
          )}
          <button type="button" class="button button--ghost rule-builder__mode" aria-pressed={draft.json !== null} onClick={toggle}>
            Edit as JSON
          </button>
        </div>
        {draft.json === null ? (
          <RuleGroup node={draft.root} root={draft.root} depth={0} onRootChange={(root) => onChange({ root, json: null })} />
        ) : (
          <div class="field">
            <label class="field__label field__label--small" for={jsonId}>
              {legend} as JSON
            </label>
            <textarea
              id={jsonId}
              class="input settings__mono rule-builder__json"
              rows={14}
              spellcheck={false}
              autocomplete="off"
              value={draft.json}
              onInput={(e) => {
                setToggleError('');
                onChange({ ...draft, json: e.currentTarget.value });
              }}
              aria-invalid={jsonError ? true : undefined}
              aria-describedby={jsonError ? `${jsonId}-error` : undefined}
            />
            {jsonError && (
              <p class="field__error" id={`${jsonId}-error`}>
                {jsonError}
              </p>
            )}
          </div>
        )}
      </fieldset>
    </RuleBuilderContext.Provider>
  );
}
