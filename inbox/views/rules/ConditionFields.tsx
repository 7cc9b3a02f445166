/** The fields of an Attribute row and of an Event row. */
import { ATTRIBUTE_OPS, type AttributeOp, type EventRuleOp } from '../../../protocol/index.js';
import { EVENT_OPS, type AttributeNode, type EventNode, type ValueType } from '../../state/rule-tree.js';
import { ATTRIBUTE_OP_LABELS, EVENT_OP_LABELS, VALUE_TYPE_LABELS } from './rule-labels.js';
import { RowField, useRowIds, useRowInvalid, type RowFieldsProps } from './RowField.js';

const TYPED_OPS: readonly AttributeOp[] = ['eq', 'neq', 'in', 'nin'];
const NUMBER_OPS: readonly AttributeOp[] = ['gt', 'gte', 'lt', 'lte'];

export function AttributeFields({ node, position, onChange }: RowFieldsProps<AttributeNode>) {
  const ids = useRowIds(node.key);
  const invalid = useRowInvalid(node.key);
  const set = (change: Partial<AttributeNode>) => onChange({ ...node, ...change });
  const list = node.op === 'in' || node.op === 'nin';
  const typed = TYPED_OPS.includes(node.op);
  const numeric = NUMBER_OPS.includes(node.op) || (typed && !list && node.valueType === 'number');

  return (
    <>
      <RowField id={ids('attr')} label="Attribute" position={position}>
        <input id={ids('attr')} class="input" type="text" placeholder="plan" spellcheck={false} value={node.attr} onInput={(e) => set({ attr: e.currentTarget.value })} {...invalid} />
      </RowField>
      <RowField id={ids('op')} label="Operator" position={position}>
        <select id={ids('op')} class="select" value={node.op} onChange={(e) => set({ op: e.currentTarget.value as AttributeOp })}>
          {ATTRIBUTE_OPS.map((op) => (
            <option key={op} value={op}>
              {ATTRIBUTE_OP_LABELS[op]}
            </option>
          ))}
        </select>
      </RowField>
      {typed && (
        <RowField id={ids('value-type')} label="Type" position={position}>
          <select
            id={ids('value-type')}
            class="select"
            value={node.valueType}
            onChange={(e) => {
              const valueType = e.currentTarget.value as ValueType;
              set({ valueType, value: valueType === 'boolean' && !list ? 'true' : node.value });
            }}
          >
            {(Object.keys(VALUE_TYPE_LABELS) as ValueType[]).map((t) => (
              <option key={t} value={t}>
                {VALUE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </RowField>
      )}
      {node.op === 'exists' || node.op === 'not_exists' ? null : typed && !list && node.valueType === 'boolean' ? (
        <RowField id={ids('value')} label="Value" position={position}>
          <select id={ids('value')} class="select" value={node.value === 'false' ? 'false' : 'true'} onChange={(e) => set({ value: e.currentTarget.value })}>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        </RowField>
      ) : (
        <RowField id={ids('value')} label={list ? 'Values' : node.op === 'before' || node.op === 'after' ? 'Date' : 'Value'} position={position} wide>
          <input
            id={ids('value')}
            class="input"
            type={numeric ? 'number' : 'text'}
            step={numeric ? 'any' : undefined}
            placeholder={list ? 'pro, team' : node.op === 'before' || node.op === 'after' ? '2025-01-31 or -7d' : ''}
            value={node.value}
            onInput={(e) => set({ value: e.currentTarget.value })}
            {...invalid}
          />
        </RowField>
      )}
    </>
  );
}

export function EventFields({ node, position, onChange }: RowFieldsProps<EventNode>) {
  const ids = useRowIds(node.key);
  const invalid = useRowInvalid(node.key);
  const set = (change: Partial<EventNode>) => onChange({ ...node, ...change });
  const counted = node.op === 'count_gte' || node.op === 'count_lte';
  const windowRequired = node.op === 'last_within' || node.op === 'first_within';
  const filters = node.where ? Object.keys(node.where).length : 0;

  return (
    <>
      <RowField id={ids('event')} label="Event" position={position}>
        <input id={ids('event')} class="input" type="text" placeholder="payment_failed" spellcheck={false} value={node.event} onInput={(e) => set({ event: e.currentTarget.value })} {...invalid} />
      </RowField>
      <RowField id={ids('op')} label="Operator" position={position}>
        <select id={ids('op')} class="select" value={node.op} onChange={(e) => set({ op: e.currentTarget.value as EventRuleOp })}>
          {EVENT_OPS.map((op) => (
            <option key={op} value={op}>
              {EVENT_OP_LABELS[op]}
            </option>
          ))}
        </select>
      </RowField>
      {counted && (
        <RowField id={ids('count')} label="Times" position={position}>
          <input id={ids('count')} class="input rule-field__number" type="number" min={0} step={1} value={node.count} onInput={(e) => set({ count: e.currentTarget.value })} {...invalid} />
        </RowField>
      )}
      <RowField id={ids('within')} label="Within" position={position}>
        <input
          id={ids('within')}
          class="input rule-field__window"
          type="text"
          placeholder={windowRequired ? '7d' : 'all time'}
          spellcheck={false}
          value={node.within}
          onInput={(e) => set({ within: e.currentTarget.value })}
          {...invalid}
        />
      </RowField>
      {filters > 0 && (
        <p class="settings__hint rule-row__note">
          And {filters} property {filters === 1 ? 'filter' : 'filters'} (kept as they are; edit as JSON to change).
        </p>
      )}
    </>
  );
}
