/**
 * The logic of rules, apart from what their leaves mean: `all`, `any` and
 * `not` over three-valued verdicts (Kleene logic, see evaluate.ts). The full
 * evaluator and the widget's moment evaluator (visit-verdict.ts) both use it,
 * so they cannot disagree on how conditions combine.
 */
import type { LeafRule, Rule } from './rule.js';

/** true, false, or null when the facts to decide are not known here. */
export type Verdict = boolean | null;

export function combineVerdicts(rule: Rule, leaf: (rule: LeafRule) => Verdict): Verdict {
  if ('all' in rule) {
    let verdict: Verdict = true;
    for (const child of rule.all) {
      const v = combineVerdicts(child, leaf);
      if (v === false) return false; // false wins, even over unknown
      if (v === null) verdict = null;
    }
    return verdict;
  }
  if ('any' in rule) {
    let verdict: Verdict = false;
    for (const child of rule.any) {
      const v = combineVerdicts(child, leaf);
      if (v === true) return true; // true wins, even over unknown
      if (v === null) verdict = null;
    }
    return verdict;
  }
  if ('not' in rule) {
    const v = combineVerdicts(rule.not, leaf);
    return v === null ? null : !v;
  }
  return leaf(rule);
}
