/** Pieces every condition row's fields share: labelled fields, ids and invalid state. */
import type { ComponentChildren } from 'preact';
import type { ConditionNode } from '../../state/rule-tree.js';
import { invalidProps, useRuleEnv } from './rule-context.js';

export interface RowFieldsProps<N extends ConditionNode> {
  node: N;
  position: string;
  onChange(node: N): void;
}

/** A small visible label whose accessible name also says which condition it belongs to. */
export function RowField({ id, label, position, wide, children }: { id: string; label: string; position: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={`field rule-field${wide ? ' rule-field--wide' : ''}`}>
      <label class="field__label field__label--small" for={id}>
        {label}
        <span class="visually-hidden"> of condition {position}</span>
      </label>
      {children}
    </div>
  );
}

/** The id of control `part` of a row, unique on the page. */
export function useRowIds(key: number): (part: string) => string {
  const env = useRuleEnv();
  return (part) => `${env.idPrefix}-${key}-${part}`;
}

/** aria-invalid/aria-describedby for a row's inputs while it has an error. */
export function useRowInvalid(key: number) {
  return invalidProps(useRuleEnv(), key);
}
