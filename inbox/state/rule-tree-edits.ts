/** Edits of a rule builder's tree. Pure: each returns a new tree and leaves the old one as it was. */
import type { GroupNode, RuleNode } from './rule-tree.js';

export function findNode(root: RuleNode, key: number): RuleNode | null {
  if (root.key === key) return root;
  if (root.kind !== 'group') return null;
  for (const child of root.children) {
    const found = findNode(child, key);
    if (found) return found;
  }
  return null;
}

/** Replaces the node with `key` (anywhere in the tree) by `next`. */
export function replaceNode(root: GroupNode, key: number, next: RuleNode): GroupNode {
  const visit = (node: RuleNode): RuleNode => {
    if (node.key === key) return next;
    if (node.kind !== 'group') return node;
    return { ...node, children: node.children.map(visit) };
  };
  const result = visit(root);
  return result.kind === 'group' ? result : root;
}

export function removeNode(root: GroupNode, key: number): GroupNode {
  const visit = (group: GroupNode): GroupNode => ({
    ...group,
    children: group.children.filter((c) => c.key !== key).map((c) => (c.kind === 'group' ? visit(c) : c)),
  });
  return visit(root);
}

export function appendChild(root: GroupNode, groupKey: number, child: RuleNode): GroupNode {
  const group = findNode(root, groupKey);
  if (!group || group.kind !== 'group') return root;
  return replaceNode(root, groupKey, { ...group, children: [...group.children, child] });
}
