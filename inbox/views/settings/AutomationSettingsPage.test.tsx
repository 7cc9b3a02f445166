// @vitest-environment happy-dom
/**
 * Settings → Automation against a small fake server: the ordered rules
 * (toggle, move, add, edit, delete), the editor's trigger, conditions and
 * action list (add, fill, move, remove), the run log, and the read-only view.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AutomationRule } from '../../../protocol/index.js';
import type { CreateAutomationRuleRequest, UpdateAutomationRuleRequest } from '../../api/automation-endpoints.js';
import { ApiError } from '../../api/http.js';
import { automationRule, automationRun } from '../../test-support/automation-fixtures.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { agentProfile, team } from '../../test-support/team-fixtures.js';
import { SettingsScreen } from './SettingsScreen.js';

/** Rules kept in order with positions 0, 1, 2…, as the server keeps them. */
function fakeRules(initial: AutomationRule[]) {
  let rules = [...initial];
  const renumber = () => {
    rules = rules.map((r, i) => ({ ...r, position: i }));
  };
  return {
    listAutomationRules: vi.fn(async () => ({ data: [...rules].reverse(), next_cursor: null })),
    createAutomationRule: vi.fn(async (input: CreateAutomationRuleRequest) => {
      const created = automationRule({ ...(input as Partial<AutomationRule>), id: `auto_${rules.length + 1}`, position: rules.length });
      rules.push(created);
      renumber();
      return created;
    }),
    updateAutomationRule: vi.fn(async (id: string, patch: UpdateAutomationRuleRequest) => {
      rules = rules.map((r) => (r.id === id ? ({ ...r, ...patch } as AutomationRule) : r));
      return rules.find((r) => r.id === id) as AutomationRule;
    }),
    reorderAutomationRules: vi.fn(async (ids: readonly string[]) => {
      rules = ids.map((id) => rules.find((r) => r.id === id) as AutomationRule);
      renumber();
      return { data: rules, next_cursor: null };
    }),
    deleteAutomationRule: vi.fn(async (id: string) => {
      rules = rules.filter((r) => r.id !== id);
      renumber();
    }),
    listAutomationRuns: vi.fn(async () => ({
      data: [
        automationRun({
          outcome: 'partially_failed',
          error: 'tag not found',
          actions: [
            { type: 'add_tag', ok: false, error: 'tag not found' },
            { type: 'set_priority', ok: true, error: null },
          ],
        }),
      ],
      next_cursor: null,
    })),
  };
}

const refunds = automationRule({
  id: 'auto_1',
  name: 'Refunds',
  position: 0,
  trigger: 'message_received',
  conditions: { attr: 'message.body', op: 'contains', value: 'refund' },
  actions: [{ type: 'add_tag', tag_id: 'tag_billing' }, { type: 'set_priority', priority: 'high' }, { type: 'assign', team_id: 'team_1' }],
  stop_processing: true,
});
const bugs = automationRule({ id: 'auto_2', name: 'Bugs to tracker', position: 1, enabled: false, trigger: 'tag_added', actions: [{ type: 'call_webhook', webhook_id: 'wh_1' }] });

function setup(canEdit = true) {
  const server = fakeRules([refunds, bugs]);
  const api = fakeApi({
    ...server,
    listTeams: async () => ({ data: [team({ id: 'team_1', name: 'Billing' })], next_cursor: null }),
    listAgents: async () => ({ data: [agentProfile({ id: 'a1', name: 'Ada Lovelace' })] }),
    listTags: async () => ({ data: [{ id: 'tag_billing', name: 'billing', color: null, count: 0, created_at: '' }], next_cursor: null }),
    listCannedReplies: async () => ({ data: [{ id: 'cr_1', shortcut: 'refund', title: 'Refund policy', body: 'Hi', created_at: '', updated_at: '' }], next_cursor: null }),
    listWebhooks: canEdit ? async () => ({ data: [{ id: 'wh_1', url: 'https://issues.example/hook', description: 'Issue tracker' } as never], next_cursor: null }) : () => Promise.reject(new ApiError(403, 'forbidden', 'admins only')),
    listSegments: async () => ({ data: [], next_cursor: null }),
  });
  render(<SettingsScreen page="automation" api={api} canEdit={canEdit} agent={agentProfile()} />);
  return server;
}

const ruleNames = () => screen.getAllByRole('article').map((a) => a.querySelector('h3')?.textContent);

describe('Settings: automation', () => {
  afterEach(() => cleanup());

  it('lists the rules in order with what each does, and switches one on', async () => {
    const { updateAutomationRule } = setup();
    await screen.findByRole('heading', { name: 'Automation rules' });
    expect(screen.getByRole('link', { name: 'Automation' }).getAttribute('aria-current')).toBe('page');
    expect(ruleNames()).toEqual(['Rule 1: Refunds', 'Rule 2: Bugs to tracker']);
    expect(screen.getByRole('article', { name: 'Rule 1: Refunds' }).textContent).toContain(
      'When the visitor sends a message · 1 condition · then Add tag billing, Priority high, Assign to Billing · stops the rules after it',
    );
    expect(screen.getByRole('article', { name: 'Rule 2: Bugs to tracker' }).textContent).toContain('When a tag is added · always · then Call Issue tracker');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Enabled (Bugs to tracker)' }));
    await waitFor(() => expect(updateAutomationRule).toHaveBeenCalledWith('auto_2', { enabled: true }));
    expect(await screen.findByText('Rule “Bugs to tracker” enabled.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Enabled (Bugs to tracker)' })));
  });

  it('moves a rule by sending the whole order, focus following it', async () => {
    const { reorderAutomationRules } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Move up Refunds' }));
    expect(reorderAutomationRules).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Move down Refunds' }));
    await waitFor(() => expect(ruleNames()).toEqual(['Rule 1: Bugs to tracker', 'Rule 2: Refunds']));
    expect(reorderAutomationRules).toHaveBeenCalledWith(['auto_2', 'auto_1']);
    expect(screen.getByText('Moved “Refunds” to position 2 of 2.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down Refunds' })));
  });

  it('shows a rule’s run log with each action’s result', async () => {
    const { listAutomationRuns } = setup(false);
    const toggle = await screen.findByRole('button', { name: 'Run log of Refunds' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const table = await screen.findByRole('table', { name: 'The last runs of Refunds, newest first' });
    expect(listAutomationRuns).toHaveBeenCalledWith('auto_1');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain('The visitor sends a message');
    expect(row.textContent).toContain('Partly failed');
    expect(row.textContent).toContain('Add a tag: failed (tag not found)');
    expect(row.textContent).toContain('Set the priority: done');
    expect(within(row).getByRole('link', { name: 'Open' }).getAttribute('href')).toBe('#/conversations/conv_1');
  });

  it('adds a rule: trigger, a condition, and actions added, filled, moved and removed', async () => {
    const { createAutomationRule } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Add rule' }));
    const form = screen.getByRole('form', { name: 'New automation' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Rule name'));

    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(within(form).getByRole('alert').textContent).toBe('Fix the marked fields first.');
    expect(within(form).getByText('Give the rule a name.')).toBeTruthy();
    expect(within(form).getByText('Add at least one action.')).toBeTruthy();

    fireEvent.input(within(form).getByLabelText('Rule name'), { target: { value: 'Refund triage' } });
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: 'message_received' } });
    expect(form.textContent).toContain('message.body');
    fireEvent.click(within(form).getByRole('button', { name: 'Add condition' }));
    fireEvent.input(within(form).getByLabelText('Attribute of condition 1'), { target: { value: 'message.body' } });
    fireEvent.change(within(form).getByLabelText('Operator of condition 1'), { target: { value: 'contains' } });
    fireEvent.input(within(form).getByLabelText('Value of condition 1'), { target: { value: 'refund' } });

    fireEvent.click(within(form).getByRole('button', { name: 'Add action' }));
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Do of action 1')));
    fireEvent.click(within(form).getByRole('button', { name: 'Add action' }));
    fireEvent.change(within(form).getByLabelText('Do of action 2'), { target: { value: 'set_priority' } });
    fireEvent.change(within(form).getByLabelText('Priority of action 2'), { target: { value: 'urgent' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add action' }));
    fireEvent.change(within(form).getByLabelText('Do of action 3'), { target: { value: 'close' } });

    // Action 1 (a tag) has no tag yet: its row says so.
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(within(within(form).getByRole('group', { name: 'Action 1' })).getByText('Choose a tag.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Tag of action 1'), { target: { value: 'tag_billing' } });

    // The priority first; the close removed.
    fireEvent.click(within(form).getByRole('button', { name: 'Move up action 2' }));
    expect((within(form).getByLabelText('Do of action 1') as HTMLSelectElement).value).toBe('set_priority');
    fireEvent.click(within(form).getByRole('button', { name: 'Remove action 3' }));
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Add action' })));
    fireEvent.click(within(form).getByRole('checkbox', { name: /^Stop/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));

    await waitFor(() =>
      expect(createAutomationRule).toHaveBeenCalledWith({
        name: 'Refund triage',
        enabled: true,
        trigger: 'message_received',
        conditions: { all: [{ attr: 'message.body', op: 'contains', value: 'refund' }] },
        actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'add_tag', tag_id: 'tag_billing' }],
        stop_processing: true,
      }),
    );
    await waitFor(() => expect(ruleNames()).toEqual(['Rule 1: Refunds', 'Rule 2: Bugs to tracker', 'Rule 3: Refund triage']));
    expect(screen.getByText('Rule “Refund triage” added at position 3.')).toBeTruthy();
  });

  it('edits a rule, sending only what changed, and shows a refusal', async () => {
    const { updateAutomationRule } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Refunds' }));
    const form = screen.getByRole('form', { name: 'Edit automation Refunds' });
    expect((within(form).getByLabelText('Team of action 3') as HTMLSelectElement).value).toBe('team_1');
    fireEvent.change(within(form).getByLabelText('Agent of action 3'), { target: { value: 'a1' } });
    updateAutomationRule.mockRejectedValueOnce(new ApiError(400, 'validation_failed', 'actions.2.agent_id: no agent "a1" in this workspace'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('actions.2.agent_id: no agent "a1" in this workspace');
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(() =>
      expect(updateAutomationRule).toHaveBeenLastCalledWith('auto_1', {
        actions: [{ type: 'add_tag', tag_id: 'tag_billing' }, { type: 'set_priority', priority: 'high' }, { type: 'assign', team_id: 'team_1', agent_id: 'a1' }],
      }),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit automation Refunds' })).toBeNull());
    expect(screen.getByRole('article', { name: 'Rule 1: Refunds' }).textContent).toContain('Assign to Billing / Ada Lovelace');
  });

  it('deletes a rule after asking', async () => {
    const { deleteAutomationRule } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Refunds' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete rule' }));
    await waitFor(() => expect(ruleNames()).toEqual(['Rule 1: Bugs to tracker']));
    expect(deleteAutomationRule).toHaveBeenCalledWith('auto_1');
  });

  it('is read-only for agents who are not admins, webhooks they may not read named plainly', async () => {
    setup(false);
    await screen.findByRole('heading', { name: 'Automation rules' });
    expect(screen.queryByRole('button', { name: /Move|Edit|Delete|Add rule/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    const card = screen.getByRole('article', { name: 'Rule 2: Bugs to tracker' });
    expect(card.textContent).toContain('Disabled');
    expect(card.textContent).toContain('then Call a webhook');
  });
});
