/**
 * The automation endpoints (docs/automation.md): the ordered rules, their
 * whole order at once, and each rule's run log. Part of `InboxApi`; reads for
 * every agent, writes for admins on the server.
 */
import type { z } from 'zod';
import type { AutomationRule, AutomationRun, Page, createAutomationRuleSchema, updateAutomationRuleSchema } from '../../protocol/index.js';
import type { HttpClient } from './http.js';

export type CreateAutomationRuleRequest = z.input<typeof createAutomationRuleSchema>;
export type UpdateAutomationRuleRequest = z.input<typeof updateAutomationRuleSchema>;

export interface AutomationApi {
  listAutomationRules(): Promise<Page<AutomationRule>>;
  createAutomationRule(input: CreateAutomationRuleRequest): Promise<AutomationRule>;
  /** `actions` replaces the list; a new `position` moves the rule and shifts the others. */
  updateAutomationRule(id: string, patch: UpdateAutomationRuleRequest): Promise<AutomationRule>;
  deleteAutomationRule(id: string): Promise<void>;
  /** Every rule id once, in the new order; answers the rules in that order. */
  reorderAutomationRules(ids: readonly string[]): Promise<Page<AutomationRule>>;
  /** The rule's last 50 runs, newest first. */
  listAutomationRuns(id: string): Promise<Page<AutomationRun>>;
}

export function createAutomationApi(http: HttpClient): AutomationApi {
  const id = encodeURIComponent;
  return {
    listAutomationRules: () => http.get('/automation-rules'),
    createAutomationRule: (input) => http.post('/automation-rules', input),
    updateAutomationRule: (ruleId, patch) => http.patch(`/automation-rules/${id(ruleId)}`, patch),
    deleteAutomationRule: (ruleId) => http.delete(`/automation-rules/${id(ruleId)}`),
    reorderAutomationRules: (ids) => http.put('/automation-rules/order', { ids }),
    listAutomationRuns: (ruleId) => http.get(`/automation-rules/${id(ruleId)}/runs`),
  };
}
