/**
 * One condition row: its type, the fields that type needs, "Remove", and the
 * row's error. Every control is labelled "<what> of condition <n>" for screen
 * readers, since rows repeat the same visible labels.
 */
import { newCondition, ROW_TYPES, rowTypeOf, type ConditionNode, type RowType } from '../../state/rule-tree.js';
import { errorIdOf, useRuleEnv } from './rule-context.js';
import { RowField, useRowIds } from './RowField.js';
import { AttributeFields, EventFields } from './ConditionFields.js';
import { FacetFields, PageFields, RawFields, SegmentFields, TimeOnPageFields } from './ConditionFieldsMore.js';
import { ROW_TYPE_LABELS } from './rule-labels.js';

export interface RuleRowProps {
  node: ConditionNode;
  position: string;
  onChange(node: ConditionNode): void;
  onRemove(): void;
}

export function RuleRow({ node, position, onChange, onRemove }: RuleRowProps) {
  const env = useRuleEnv();
  const ids = useRowIds(node.key);
  const type = rowTypeOf(node);
  const error = env.errors?.get(node.key);

  return (
    <div class={`rule-row${error ? ' rule-row--invalid' : ''}`}>
      <div class="rule-row__fields">
        <RowField id={ids('type')} label="Condition" position={position}>
          <select
            id={ids('type')}
            class="select"
            value={type}
            onChange={(e) => {
              // A new type is a new row (keeping the key, so focus stays on this select).
              const next = newCondition(e.currentTarget.value as RowType);
              onChange({ ...next, key: node.key });
            }}
          >
            {ROW_TYPES.map((t) => (
              <option key={t} value={t}>
                {ROW_TYPE_LABELS[t]}
              </option>
            ))}
            {type === 'raw' && <option value="raw">JSON</option>}
          </select>
        </RowField>
        {node.kind === 'attribute' && <AttributeFields node={node} position={position} onChange={onChange} />}
        {node.kind === 'event' && <EventFields node={node} position={position} onChange={onChange} />}
        {node.kind === 'page' && <PageFields node={node} position={position} onChange={onChange} />}
        {node.kind === 'time_on_page' && <TimeOnPageFields node={node} position={position} onChange={onChange} />}
        {node.kind === 'facet' && <FacetFields node={node} position={position} onChange={onChange} />}
        {node.kind === 'segment' && <SegmentFields node={node} position={position} onChange={onChange} />}
        {node.kind === 'raw' && <RawFields node={node} position={position} onChange={onChange} />}
      </div>
      <button type="button" class="button button--ghost rule-row__remove" onClick={onRemove}>
        Remove<span class="visually-hidden"> condition {position}</span>
      </button>
      {error && (
        <p class="field__error rule-row__error" id={errorIdOf(env, node.key)}>
          {error}
        </p>
      )}
    </div>
  );
}
