// @vitest-environment happy-dom
/** Settings → Assignment against a small fake server: the ordered rules (toggle, move, add, edit, delete) and reassign-on-offline. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentRule, UpdateSettingsRequest } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import type { CreateAssignmentRuleRequest, UpdateAssignmentRuleRequest } from '../../api/team-endpoints.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { workspaceSettings } from '../../test-support/fixtures.js';
import { agentProfile, assignmentRule, team } from '../../test-support/team-fixtures.js';
import { SettingsScreen } from './SettingsScreen.js';

/** Rules kept in order with positions 0, 1, 2…, as the server keeps them. */
function fakeRules(initial: AssignmentRule[]) {
  let rules = [...initial];
  const renumber = () => {
    rules = rules.map((r, i) => ({ ...r, position: i }));
  };
  return {
    listAssignmentRules: vi.fn(async () => ({ data: [...rules].reverse(), next_cursor: null })),
    createAssignmentRule: vi.fn(async (input: CreateAssignmentRuleRequest) => {
      const created = assignmentRule({ ...input, id: `arule_${rules.length + 1}`, when: input.when ?? { all: [] }, position: rules.length } as Partial<AssignmentRule>);
      rules.push(created);
      renumber();
      return created;
    }),
    updateAssignmentRule: vi.fn(async (id: string, patch: UpdateAssignmentRuleRequest) => {
      const index = rules.findIndex((r) => r.id === id);
      const { position, ...rest } = patch;
      const updated = { ...rules[index], ...rest } as AssignmentRule;
      rules.splice(index, 1);
      rules.splice(position ?? index, 0, updated);
      renumber();
      return rules.find((r) => r.id === id) as AssignmentRule;
    }),
    deleteAssignmentRule: vi.fn(async (id: string) => {
      rules = rules.filter((r) => r.id !== id);
      renumber();
    }),
  };
}

const billing = assignmentRule({
  id: 'arule_1',
  name: 'Billing questions',
  position: 0,
  when: { any: [{ attr: 'conversation.first_message', op: 'contains', value: 'invoice' }, { segment: 'seg_1' }] },
  team_id: 'team_1',
  priority: 'high',
});
const catchAll = assignmentRule({ id: 'arule_2', name: 'Catch-all', position: 1, enabled: false });

function setup(canEdit = true) {
  const server = fakeRules([billing, catchAll]);
  const updateSettings = vi.fn(async (patch: UpdateSettingsRequest) => workspaceSettings({ reassignOnOffline: patch.reassignOnOffline ?? false }));
  const api = fakeApi({
    ...server,
    listTeams: async () => ({ data: [team({ id: 'team_1', name: 'Support' })], next_cursor: null }),
    listSegments: async () => ({ data: [{ id: 'seg_1', name: 'Pro users' } as never], next_cursor: null }),
    getSettings: async () => workspaceSettings({ reassignOnOffline: false }),
    updateSettings,
  });
  render(<SettingsScreen page="assignment" api={api} canEdit={canEdit} agent={agentProfile()} />);
  return { ...server, updateSettings };
}

const ruleNames = () => screen.getAllByRole('article').map((a) => a.querySelector('h3')?.textContent);

describe('Settings: assignment', () => {
  afterEach(() => cleanup());

  it('lists the rules in order with where each sends a conversation, and switches one on', async () => {
    const { updateAssignmentRule, listAssignmentRules } = setup();
    await screen.findByRole('heading', { name: 'Assignment rules' });
    expect(ruleNames()).toEqual(['Rule 1: Billing questions', 'Rule 2: Catch-all']);
    const first = screen.getByRole('article', { name: 'Rule 1: Billing questions' });
    expect(first.textContent).toContain('any of 2 conditions · to Support · priority high · round robin');
    expect(screen.getByRole('article', { name: 'Rule 2: Catch-all' }).textContent).toContain('Every conversation · no team');

    const enabled = screen.getByRole('checkbox', { name: 'Enabled (Catch-all)' });
    expect(enabled).toHaveProperty('checked', false);
    fireEvent.click(enabled);
    await waitFor(() => expect(updateAssignmentRule).toHaveBeenCalledWith('arule_2', { enabled: true }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Enabled (Catch-all)' })).toHaveProperty('checked', true));
    expect(listAssignmentRules).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Rule “Catch-all” enabled.')).toBeTruthy();
  });

  it('moves a rule down and up by its position, focus following the rule', async () => {
    const { updateAssignmentRule } = setup();
    const up = await screen.findByRole('button', { name: 'Move up Billing questions' });
    expect(up.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(up);
    expect(updateAssignmentRule).not.toHaveBeenCalled();

    const down = screen.getByRole('button', { name: 'Move down Billing questions' });
    down.focus();
    fireEvent.click(down);
    await waitFor(() => expect(ruleNames()).toEqual(['Rule 1: Catch-all', 'Rule 2: Billing questions']));
    expect(updateAssignmentRule).toHaveBeenCalledWith('arule_1', { position: 1 });
    expect(screen.getByText('Moved “Billing questions” to position 2 of 2.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down Billing questions' })));
    expect(screen.getByRole('button', { name: 'Move down Billing questions' }).getAttribute('aria-disabled')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Move up Billing questions' }));
    await waitFor(() => expect(ruleNames()).toEqual(['Rule 1: Billing questions', 'Rule 2: Catch-all']));
    expect(updateAssignmentRule).toHaveBeenLastCalledWith('arule_1', { position: 0 });
  });

  it('adds a rule with a condition on the conversation, a team, a priority and a strategy', async () => {
    const { createAssignmentRule } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Add rule' }));
    const form = screen.getByRole('form', { name: 'New rule' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Rule name'));
    expect(form.textContent).toContain('conversation.channel, conversation.priority, conversation.started_by, conversation.first_message');

    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(within(form).getByRole('alert').textContent).toBe('Fix the marked fields first.');
    expect(within(form).getByText('Give the rule a name.')).toBeTruthy();
    expect(createAssignmentRule).not.toHaveBeenCalled();

    fireEvent.input(within(form).getByLabelText('Rule name'), { target: { value: 'Urgent from the messenger' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add condition' }));
    fireEvent.input(within(form).getByLabelText('Attribute of condition 1'), { target: { value: 'conversation.channel' } });
    fireEvent.input(within(form).getByLabelText('Value of condition 1'), { target: { value: 'messenger' } });
    fireEvent.change(within(form).getByLabelText('Team'), { target: { value: 'team_1' } });
    fireEvent.change(within(form).getByLabelText('Priority'), { target: { value: 'urgent' } });
    fireEvent.change(within(form).getByLabelText('Strategy'), { target: { value: 'least_busy' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));

    await waitFor(() =>
      expect(createAssignmentRule).toHaveBeenCalledWith({
        name: 'Urgent from the messenger',
        enabled: true,
        when: { all: [{ attr: 'conversation.channel', op: 'eq', value: 'messenger' }] },
        team_id: 'team_1',
        priority: 'urgent',
        strategy: 'least_busy',
      }),
    );
    await waitFor(() => expect(ruleNames()).toEqual(['Rule 1: Billing questions', 'Rule 2: Catch-all', 'Rule 3: Urgent from the messenger']));
    expect(screen.getByText('Rule “Urgent from the messenger” added at position 3.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Urgent from the messenger' })));
  });

  it('edits a rule, sending only what changed, and shows a refusal', async () => {
    const { updateAssignmentRule } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Billing questions' }));
    const form = screen.getByRole('form', { name: 'Edit rule Billing questions' });
    expect(within(form).getByLabelText('Value of condition 1')).toHaveProperty('value', 'invoice');
    expect((within(form).getByLabelText('Segment of condition 2') as HTMLSelectElement).value).toBe('seg_1');
    updateAssignmentRule.mockRejectedValueOnce(new ApiError(400, 'validation_failed', 'team_id: not one of the workspace’s teams'));
    fireEvent.change(within(form).getByLabelText('Priority'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('team_id: not one of the workspace’s teams');
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(updateAssignmentRule).toHaveBeenLastCalledWith('arule_1', { priority: null }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit rule Billing questions' })).toBeNull());
    expect(screen.getByRole('article', { name: 'Rule 1: Billing questions' }).textContent).not.toContain('priority');
  });

  it('deletes a rule after asking', async () => {
    const { deleteAssignmentRule } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Billing questions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete rule' }));
    await waitFor(() => expect(ruleNames()).toEqual(['Rule 1: Catch-all']));
    expect(deleteAssignmentRule).toHaveBeenCalledWith('arule_1');
    expect(screen.getByText('Rule “Billing questions” deleted.')).toBeTruthy();
  });

  it('saves reassign-on-offline alone', async () => {
    const { updateSettings } = setup();
    const box = await screen.findByRole('checkbox', { name: 'Reassign open conversations when an agent goes offline' });
    fireEvent.click(box);
    await waitFor(() => expect(updateSettings).toHaveBeenCalledWith({ reassignOnOffline: true }));
    expect(await screen.findByText('Open conversations will go back to their team.')).toBeTruthy();
    expect(box).toHaveProperty('checked', true);
  });

  it('is read-only for agents who are not admins', async () => {
    setup(false);
    await screen.findByRole('heading', { name: 'Assignment rules' });
    expect(screen.queryByRole('button', { name: /Move|Edit|Delete|Add rule/ })).toBeNull();
    expect(screen.getByRole('article', { name: 'Rule 2: Catch-all' }).textContent).toContain('Disabled');
    expect(screen.getByRole('checkbox', { name: 'Reassign open conversations when an agent goes offline' })).toHaveProperty('disabled', true);
  });
});
