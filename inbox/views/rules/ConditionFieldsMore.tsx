/** The fields of Page, Time on page, Locale/Device/Browser/Country, Segment and JSON rows. */
import { DEVICES, PAGE_OPS } from '../../../protocol/index.js';
import { FACET_OPS, type FacetNode, type FacetOp, type PageNode, type PageOp, type RawNode, type SegmentNode, type TimeOnPageNode } from '../../state/rule-tree.js';
import { useRuleEnv } from './rule-context.js';
import { FACET_OP_LABELS, FACET_PLACEHOLDERS, PAGE_OP_LABELS } from './rule-labels.js';
import { RowField, useRowIds, useRowInvalid, type RowFieldsProps } from './RowField.js';

export function PageFields({ node, position, onChange }: RowFieldsProps<PageNode>) {
  const ids = useRowIds(node.key);
  const invalid = useRowInvalid(node.key);
  return (
    <>
      <RowField id={ids('op')} label="Operator" position={position}>
        <select id={ids('op')} class="select" value={node.op} onChange={(e) => onChange({ ...node, op: e.currentTarget.value as PageOp })}>
          {PAGE_OPS.map((op) => (
            <option key={op} value={op}>
              {PAGE_OP_LABELS[op]}
            </option>
          ))}
        </select>
      </RowField>
      <RowField id={ids('value')} label="URL" position={position} wide>
        <input
          id={ids('value')}
          class="input settings__mono"
          type="text"
          placeholder={node.op === 'regex' ? '^/billing/\\d+$' : '/billing/*'}
          spellcheck={false}
          value={node.value}
          onInput={(e) => onChange({ ...node, value: e.currentTarget.value })}
          {...invalid}
        />
      </RowField>
    </>
  );
}

export function TimeOnPageFields({ node, position, onChange }: RowFieldsProps<TimeOnPageNode>) {
  const ids = useRowIds(node.key);
  const invalid = useRowInvalid(node.key);
  return (
    <>
      <RowField id={ids('gte')} label="At least (seconds)" position={position}>
        <input id={ids('gte')} class="input rule-field__number" type="number" min={0} step={1} value={node.gte} onInput={(e) => onChange({ ...node, gte: e.currentTarget.value })} {...invalid} />
      </RowField>
      <RowField id={ids('lte')} label="At most (seconds)" position={position}>
        <input id={ids('lte')} class="input rule-field__number" type="number" min={0} step={1} placeholder="no limit" value={node.lte} onInput={(e) => onChange({ ...node, lte: e.currentTarget.value })} {...invalid} />
      </RowField>
    </>
  );
}

export function FacetFields({ node, position, onChange }: RowFieldsProps<FacetNode>) {
  const ids = useRowIds(node.key);
  const invalid = useRowInvalid(node.key);
  const list = node.op === 'in' || node.op === 'nin';
  return (
    <>
      <RowField id={ids('op')} label="Operator" position={position}>
        <select id={ids('op')} class="select" value={node.op} onChange={(e) => onChange({ ...node, op: e.currentTarget.value as FacetOp })}>
          {FACET_OPS.map((op) => (
            <option key={op} value={op}>
              {FACET_OP_LABELS[op]}
            </option>
          ))}
        </select>
      </RowField>
      {node.facet === 'device' && !list ? (
        <RowField id={ids('value')} label="Value" position={position}>
          <select id={ids('value')} class="select" value={node.value} onChange={(e) => onChange({ ...node, value: e.currentTarget.value })} {...invalid}>
            <option value="">Choose…</option>
            {DEVICES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </RowField>
      ) : (
        <RowField id={ids('value')} label={list ? 'Values' : 'Value'} position={position} wide>
          <input
            id={ids('value')}
            class="input"
            type="text"
            spellcheck={false}
            placeholder={list ? (node.facet === 'device' ? DEVICES.join(', ') : `${FACET_PLACEHOLDERS[node.facet]}, …`) : FACET_PLACEHOLDERS[node.facet]}
            value={node.value}
            onInput={(e) => onChange({ ...node, value: e.currentTarget.value })}
            {...invalid}
          />
        </RowField>
      )}
    </>
  );
}

export function SegmentFields({ node, position, onChange }: RowFieldsProps<SegmentNode>) {
  const env = useRuleEnv();
  const ids = useRowIds(node.key);
  const invalid = useRowInvalid(node.key);
  const known = env.segments.some((s) => s.id === node.segment);
  return (
    <RowField id={ids('segment')} label="Segment" position={position} wide>
      <select id={ids('segment')} class="select" value={node.segment} onChange={(e) => onChange({ ...node, segment: e.currentTarget.value })} {...invalid}>
        <option value="">Choose a segment…</option>
        {env.segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        {/* A deleted (or not yet loaded) segment stays selectable, so the rule isn't changed behind the admin's back. */}
        {node.segment && !known && <option value={node.segment}>Segment {node.segment}</option>}
      </select>
    </RowField>
  );
}

export function RawFields({ node, position, onChange }: RowFieldsProps<RawNode>) {
  const ids = useRowIds(node.key);
  const invalid = useRowInvalid(node.key);
  return (
    <RowField id={ids('json')} label="Condition JSON" position={position} wide>
      <textarea
        id={ids('json')}
        class="input settings__mono"
        rows={3}
        spellcheck={false}
        value={node.json}
        onInput={(e) => onChange({ ...node, json: e.currentTarget.value })}
        {...invalid}
      />
    </RowField>
  );
}
