/**
 * One group of a rule: All/Any and Not toggles, its rows (conditions and
 * nested groups), "Add condition" and "Add group". Edits go up as a whole new
 * root (the tree functions are pure), so undo-free state stays simple.
 */
import { useEffect, useRef } from 'preact/hooks';
import { TARGETING_LIMITS } from '../../../protocol/index.js';
import { emptyGroup, newCondition, type GroupNode } from '../../state/rule-tree.js';
import { appendChild, removeNode, replaceNode } from '../../state/rule-tree-edits.js';
import { errorIdOf, useRuleEnv } from './rule-context.js';
import { RuleRow } from './RuleRow.js';

export interface RuleGroupProps {
  node: GroupNode;
  root: GroupNode;
  /** "2.1." for the rows of nested group 2.1; "" at the root. */
  prefix?: string;
  depth: number;
  onRootChange(root: GroupNode): void;
}

function summary(node: GroupNode): string {
  const empty = node.children.length === 0;
  if (empty) {
    // `{ all: [] }` holds for everyone, `{ any: [] }` for no one (rule.ts); Not flips it.
    const everyone = (node.mode === 'all') !== node.negated;
    return everyone ? 'No conditions yet: everyone matches.' : 'No conditions yet: no one matches.';
  }
  if (!node.negated) return node.mode === 'all' ? 'Contacts match all of these.' : 'Contacts match any of these.';
  return node.mode === 'all' ? 'Contacts match unless all of these hold.' : 'Contacts match none of these.';
}

export function RuleGroup({ node, root, prefix = '', depth, onRootChange }: RuleGroupProps) {
  const env = useRuleEnv();
  const id = (part: string, key = node.key) => `${env.idPrefix}-${key}-${part}`;
  const pendingFocus = useRef<string | null>(null);
  const nested = depth > 0;
  const groupName = nested ? ` to group ${prefix.slice(0, -1)}` : '';

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    document.getElementById(target)?.focus();
  });

  const set = (change: Partial<GroupNode>) => onRootChange(replaceNode(root, node.key, { ...node, ...change }));
  // Rules nest at most TARGETING_LIMITS.depth levels; a condition inside the deepest group is one more.
  const canNest = depth + 2 < TARGETING_LIMITS.depth;

  return (
    <div class={`rule-group${nested ? ' rule-group--nested' : ''}${node.negated ? ' rule-group--negated' : ''}`}>
      <div class="rule-group__head">
        <div class="rule-toggle" role="group" aria-label={nested ? `Match, group ${prefix.slice(0, -1)}` : 'Match'}>
          <button type="button" id={id('all')} class="rule-toggle__option" aria-pressed={node.mode === 'all'} onClick={() => set({ mode: 'all' })}>
            All
          </button>
          <button type="button" class="rule-toggle__option" aria-pressed={node.mode === 'any'} onClick={() => set({ mode: 'any' })}>
            Any
          </button>
        </div>
        <button type="button" class="rule-toggle__not" aria-pressed={node.negated} onClick={() => set({ negated: !node.negated })}>
          Not
        </button>
        <p class="rule-group__summary">{summary(node)}</p>
      </div>
      {env.errors?.has(node.key) && (
        <p class="field__error" id={errorIdOf(env, node.key)}>
          {env.errors.get(node.key)}
        </p>
      )}
      {node.children.length > 0 && (
        <ol class="rule-group__rows">
          {node.children.map((child, i) => {
            const position = `${prefix}${i + 1}`;
            const remove = () => {
              pendingFocus.current = id('add');
              onRootChange(removeNode(root, child.key));
            };
            return (
              <li key={child.key} class="rule-group__row">
                {child.kind === 'group' ? (
                  <div class="rule-group__nested" role="group" aria-label={`Group ${position}`}>
                    <RuleGroup node={child} root={root} prefix={`${position}.`} depth={depth + 1} onRootChange={onRootChange} />
                    <button type="button" class="button button--ghost rule-row__remove" onClick={remove}>
                      Remove group<span class="visually-hidden"> {position}</span>
                    </button>
                  </div>
                ) : (
                  <RuleRow node={child} position={position} onChange={(next) => onRootChange(replaceNode(root, child.key, next))} onRemove={remove} />
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div class="rule-group__add">
        <button
          type="button"
          id={id('add')}
          class="button"
          onClick={() => {
            const row = newCondition('attribute');
            pendingFocus.current = id('type', row.key);
            onRootChange(appendChild(root, node.key, row));
          }}
        >
          Add condition<span class="visually-hidden">{groupName}</span>
        </button>
        {canNest && (
          <button
            type="button"
            class="button button--ghost"
            onClick={() => {
              const group = emptyGroup(node.mode === 'all' ? 'any' : 'all');
              pendingFocus.current = id('all', group.key);
              onRootChange(appendChild(root, node.key, group));
            }}
          >
            Add group<span class="visually-hidden">{groupName}</span>
          </button>
        )}
      </div>
    </div>
  );
}
