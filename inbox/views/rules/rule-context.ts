/** What every row of one rule builder needs, without threading it through each nested group. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Segment } from '../../../protocol/index.js';
import type { RuleErrors } from '../../state/rule-check.js';

export interface RuleBuilderEnv {
  /** Unique per builder on the page, so ids never collide (a series has several builders). */
  idPrefix: string;
  errors: RuleErrors | null;
  /** Saved segments a "Segment" row can pick. */
  segments: readonly Pick<Segment, 'id' | 'name'>[];
}

export const RuleBuilderContext = createContext<RuleBuilderEnv>({ idPrefix: 'rule', errors: null, segments: [] });

export function useRuleEnv(): RuleBuilderEnv {
  return useContext(RuleBuilderContext);
}

/** Id of the error text of a node; only rendered when that node has an error. */
export function errorIdOf(env: RuleBuilderEnv, key: number): string {
  return `${env.idPrefix}-${key}-error`;
}

/** aria-invalid + aria-describedby for a node's inputs, when the node has an error. */
export function invalidProps(env: RuleBuilderEnv, key: number): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return env.errors?.has(key) ? { 'aria-invalid': true, 'aria-describedby': errorIdOf(env, key) } : {};
}
