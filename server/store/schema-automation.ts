/**
 * Row types of the automation tables (migration 020): the rules and the log
 * of their runs. Same conventions as schema.ts (ISO text times, JSON as text,
 * booleans as 0/1).
 */
import type { AutomationRunOutcome, AutomationTrigger } from '../../protocol/index.js';

export interface AutomationRuleRow {
  id: string;
  workspace_id: string;
  name: string;
  enabled: number;
  /** 0, 1, 2… without gaps per workspace. */
  position: number;
  trigger: AutomationTrigger;
  /** JSON of a targeting rule. */
  conditions: string;
  /** JSON array of actions. */
  actions: string;
  stop_processing: number;
  created_at: string;
  updated_at: string;
}

/** One rule that matched one event: what its actions did (JSON array of results). */
export interface AutomationRunRow {
  id: string;
  workspace_id: string;
  rule_id: string;
  trigger: AutomationTrigger;
  conversation_id: string | null;
  contact_id: string | null;
  outcome: AutomationRunOutcome;
  error: string | null;
  actions: string;
  created_at: string;
}

/** The automation tables, as `Database` (schema.ts) includes them. */
export interface AutomationTables {
  automation_rules: AutomationRuleRow;
  automation_runs: AutomationRunRow;
}
