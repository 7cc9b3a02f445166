/** `/automation-rules`: rules that act on conversation events, their order and runs (routes/automation-rules.ts, docs/automation.md). */
import { createAutomationRuleSchema, reorderAutomationRulesSchema, updateAutomationRuleSchema } from '../../../../protocol/index.js';
import { objectDoc } from '../models/shared.js';
import { json, named, pageOf, type RouteDoc } from '../route-doc.js';
import { crudDocs } from './crud.js';

const AutomationRuleDoc = objectDoc(
  'AutomationRule',
  '`{ id, name, enabled, position, trigger, conditions (a Rule), actions: [...], stop_processing, created_at, updated_at }`: the fields of CreateAutomationRuleRequest with defaults filled in.',
);
const AutomationRunDoc = objectDoc('AutomationRun', '`{ id, rule_id, trigger, conversation_id, contact_id, outcome, error, actions: [{ type, ok, error }], created_at }`.');

const tags = ['Automation rules'];

export const automationDocs: RouteDoc[] = [
  ...crudDocs({
    base: '/automation-rules',
    tag: 'Automation rules',
    thing: 'automation rule',
    item: AutomationRuleDoc,
    create: named('CreateAutomationRuleRequest', createAutomationRuleSchema),
    update: named('UpdateAutomationRuleRequest', updateAutomationRuleSchema),
    writeNote: 'Admins only. A new `position` moves the rule.',
  }),
  {
    method: 'put',
    path: '/automation-rules/order',
    summary: 'Reorder every rule at once',
    description: 'Admins only.',
    tags,
    auth: 'admin',
    request: { body: named('ReorderAutomationRulesRequest', reorderAutomationRulesSchema) },
    responses: { 200: json('The rules in their new order', pageOf(AutomationRuleDoc)) },
  },
  {
    method: 'get',
    path: '/automation-rules/:id/runs',
    summary: 'A rule’s last runs',
    description: 'The last 50, newest first.',
    tags,
    auth: 'admin',
    request: { params: { id: 'The rule’s id' } },
    responses: { 200: json('The runs', pageOf(AutomationRunDoc)) },
  },
];
