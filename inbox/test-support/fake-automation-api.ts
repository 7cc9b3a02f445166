/** The automation endpoints of `fakeApi`: each fails unless a test provides it. */
import type { AutomationApi } from '../api/automation-endpoints.js';

export function unexpectedAutomationApi(unexpected: () => Promise<never>): AutomationApi {
  return {
    listAutomationRules: unexpected,
    createAutomationRule: unexpected,
    updateAutomationRule: unexpected,
    deleteAutomationRule: unexpected,
    reorderAutomationRules: unexpected,
    listAutomationRuns: unexpected,
  };
}
