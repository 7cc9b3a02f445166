/** Builders for the automation settings' unit tests: valid defaults, override what the test is about. */
import type { AutomationRule, AutomationRun } from '../../protocol/index.js';

export function automationRule(overrides: Partial<AutomationRule> = {}): AutomationRule {
  return {
    id: 'auto_1',
    name: 'Refunds to billing',
    enabled: true,
    position: 0,
    trigger: 'message_received',
    conditions: { all: [] },
    actions: [{ type: 'close' }],
    stop_processing: false,
    created_at: '2025-03-01T12:00:00.000Z',
    updated_at: '2025-03-01T12:00:00.000Z',
    ...overrides,
  };
}

export function automationRun(overrides: Partial<AutomationRun> = {}): AutomationRun {
  return {
    id: 'arun_1',
    rule_id: 'auto_1',
    trigger: 'message_received',
    conversation_id: 'conv_1',
    contact_id: 'ct_1',
    outcome: 'succeeded',
    error: null,
    actions: [{ type: 'close', ok: true, error: null }],
    created_at: '2025-03-02T09:30:00.000Z',
    ...overrides,
  };
}
