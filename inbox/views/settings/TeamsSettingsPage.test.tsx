// @vitest-environment happy-dom
/** Settings → Teams and agents against a fake API: teams created, changed and deleted by admins, capacities, read-only for agents, live presence. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Team } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import type { CreateTeamRequest, UpdateAgentRequest, UpdateTeamRequest } from '../../api/team-endpoints.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { FakeAgentSocket } from '../../test-support/fake-socket.js';
import { workspaceSettings } from '../../test-support/fixtures.js';
import { agentProfile, team } from '../../test-support/team-fixtures.js';
import { Workspace } from '../Workspace.js';
import { SettingsScreen } from './SettingsScreen.js';

const ada = agentProfile({ id: 'a1', name: 'Ada Lovelace', presence: 'online', capacity: 5, open_assigned: 1 });
const grace = agentProfile({ id: 'a2', name: 'Grace Hopper', email: 'grace@example.com', role: 'agent', presence: 'away', capacity: 0, open_assigned: 3 });
const katherine = agentProfile({ id: 'a3', name: 'Katherine Johnson', email: 'kj@example.com', role: 'agent', presence: 'offline' });
const support = team({ id: 'team_1', name: 'Support', member_ids: ['a3', 'a2'] });

function setup(canEdit = true, overrides: Parameters<typeof fakeApi>[0] = {}) {
  const updateTeam = vi.fn(async (id: string, patch: UpdateTeamRequest): Promise<Team> => ({ ...support, ...patch, id }) as Team);
  const createTeam = vi.fn(async (input: CreateTeamRequest): Promise<Team> => team({ id: 'team_new', name: input.name, member_ids: input.member_ids ?? [], strategy: input.strategy ?? 'round_robin' }));
  const deleteTeam = vi.fn(async () => undefined);
  const updateAgent = vi.fn(async (id: string, patch: UpdateAgentRequest) => ({ ...grace, id, capacity: patch.capacity }));
  const api = fakeApi({
    listTeams: async () => ({ data: [support], next_cursor: null }),
    listAgents: async () => ({ data: [ada, grace, katherine] }),
    updateTeam,
    createTeam,
    deleteTeam,
    updateAgent,
    ...overrides,
  });
  render(<SettingsScreen page="teams" api={api} canEdit={canEdit} agent={ada} />);
  return { updateTeam, createTeam, deleteTeam, updateAgent };
}

const teamCard = (name: string) => screen.getByRole('article', { name });

describe('Settings: teams and agents', () => {
  afterEach(() => cleanup());

  it('lists teams with their strategy and members, and changes one', async () => {
    const { updateTeam } = setup();
    const card = await screen.findByRole('article', { name: 'Support' });
    expect(card.textContent).toContain('Round robin · 2 members');
    expect(card.textContent).toContain('Katherine Johnson and Grace Hopper');

    const edit = within(card).getByRole('button', { name: 'Edit Support' });
    fireEvent.click(edit);
    const form = screen.getByRole('form', { name: 'Edit team Support' });
    const name = within(form).getByLabelText('Team name');
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: 'Helpdesk' } });
    fireEvent.change(within(form).getByLabelText(/^Strategy/), { target: { value: 'least_busy' } });
    const members = within(form).getByRole('group', { name: 'Members' });
    expect(within(members).getByRole('checkbox', { name: /Katherine Johnson/ })).toHaveProperty('checked', true);
    expect(within(members).getByRole('checkbox', { name: /Grace Hopper/ }).closest('label')?.textContent).toContain('Away');
    fireEvent.click(within(members).getByRole('checkbox', { name: /Grace Hopper/ }));
    fireEvent.click(within(members).getByRole('checkbox', { name: /Ada Lovelace/ }));
    expect(within(form).getByText(/^Round-robin order:/).textContent).toBe('Round-robin order: Katherine Johnson and Ada Lovelace.');
    fireEvent.click(within(form).getByRole('button', { name: 'Save team' }));

    await waitFor(() => expect(updateTeam).toHaveBeenCalledWith('team_1', { name: 'Helpdesk', strategy: 'least_busy', member_ids: ['a3', 'a1'] }));
    const saved = await screen.findByRole('article', { name: 'Helpdesk' });
    expect(saved.textContent).toContain('Least busy');
    expect(screen.getByText('Team Helpdesk saved.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(saved).getByRole('button', { name: 'Edit Helpdesk' })));
  });

  it('creates a team, checking the name first, and shows the server’s refusal', async () => {
    const { createTeam } = setup(true);
    fireEvent.click(await screen.findByRole('button', { name: 'New team' }));
    const form = screen.getByRole('form', { name: 'New team' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create team' }));
    expect(within(form).getByLabelText('Team name').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Give the team a name.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Team name'), { target: { value: 'support' } });
    expect(within(form).getByText('There is already a team called “support”.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Team name'), { target: { value: ' Sales ' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: /Ada Lovelace/ }));
    createTeam.mockRejectedValueOnce(new ApiError(409, 'conflict', 'a team with that name exists'));
    fireEvent.click(within(form).getByRole('button', { name: 'Create team' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('a team with that name exists');
    fireEvent.click(within(form).getByRole('button', { name: 'Create team' }));
    await waitFor(() => expect(createTeam).toHaveBeenLastCalledWith({ name: 'Sales', strategy: 'round_robin', member_ids: ['a1'] }));
    expect(await screen.findByRole('article', { name: 'Sales' })).toBeTruthy();
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby') && a.querySelector('h3')?.textContent)).toEqual(['Sales', 'Support']);
  });

  it('deletes a team after asking', async () => {
    const { deleteTeam } = setup();
    const card = await screen.findByRole('article', { name: 'Support' });
    fireEvent.click(within(card).getByRole('button', { name: 'Delete Support' }));
    const confirm = within(card).getByRole('button', { name: 'Delete team' });
    expect(document.activeElement).toBe(confirm);
    expect(within(card).getByText('Delete the team “Support”?')).toBeTruthy();
    fireEvent.click(confirm);
    await waitFor(() => expect(deleteTeam).toHaveBeenCalledWith('team_1'));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Support' })).toBeNull());
    expect(screen.getByText('Team Support deleted. Its conversations keep their agent.')).toBeTruthy();
  });

  it('lists agents with role, presence, capacity and open conversations; admins set a capacity', async () => {
    const { updateAgent } = setup();
    const table = await screen.findByRole('table', { name: 'Agents' });
    const row = (name: string) => within(table).getByRole('rowheader', { name: new RegExp(name) }).closest('tr') as HTMLElement;
    expect(row('Ada Lovelace').textContent).toContain('Ada Lovelace (you)');
    expect(row('Grace Hopper').textContent).toContain('grace@example.comAgentAway');
    expect(row('Katherine Johnson').querySelector('.presence--offline')?.textContent).toBe('Offline');
    expect(within(row('Grace Hopper')).getAllByRole('cell').at(-1)?.textContent).toBe('3');

    const capacity = screen.getByLabelText('Capacity of Grace Hopper') as HTMLInputElement;
    expect(capacity.value).toBe('0');
    fireEvent.input(capacity, { target: { value: '-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save capacity of Grace Hopper' }));
    expect(capacity.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number from 0 (no limit) to 1,000.')).toBeTruthy();
    fireEvent.input(capacity, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save capacity of Grace Hopper' }));
    await waitFor(() => expect(updateAgent).toHaveBeenCalledWith('a2', { capacity: 3 }));
    expect(await screen.findByText('Capacity of Grace Hopper saved: 3.')).toBeTruthy();
    expect(capacity.getAttribute('aria-invalid')).toBeNull();
  });

  it('is read-only for agents who are not admins', async () => {
    setup(false);
    const card = await screen.findByRole('article', { name: 'Support' });
    expect(screen.getByText('Only admins can change these settings.')).toBeTruthy();
    expect(within(card).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'New team' })).toBeNull();
    expect(screen.queryByLabelText('Capacity of Ada Lovelace')).toBeNull();
    const table = screen.getByRole('table', { name: 'Agents' });
    expect(within(table).getByRole('rowheader', { name: /Ada Lovelace/ }).closest('tr')?.textContent).toContain('5');
    expect(within(table).getByRole('rowheader', { name: /Grace Hopper/ }).closest('tr')?.textContent).toContain('No limit');
  });

  it('offers a retry when loading fails', async () => {
    let calls = 0;
    setup(true, {
      listTeams: async () => {
        calls += 1;
        if (calls === 1) throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection.');
        return { data: [support], next_cursor: null };
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot reach the server. Check your connection.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('article', { name: 'Support' })).toBeTruthy();
  });
});

describe('Settings pages in the workspace', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  async function go(hash: string): Promise<void> {
    await act(async () => {
      window.location.hash = hash;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
  }

  it('moves between the settings pages by their links, with presence live from the socket', async () => {
    const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'admin' as const };
    const api = fakeApi({
      listConversations: async () => ({ data: [], next_cursor: null }),
      listAgents: async () => ({ data: [ada, grace, katherine] }),
      listTeams: async () => ({ data: [support], next_cursor: null }),
      getSettings: async () => workspaceSettings(),
      listAssignmentRules: async () => ({ data: [], next_cursor: null }),
      listSegments: async () => ({ data: [], next_cursor: null }),
    });
    const socket = new FakeAgentSocket();
    render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => socket.asAgentSocket()} />);
    await go('#/settings');
    const pages = screen.getByRole('navigation', { name: 'Settings pages' });
    expect(within(pages).getByRole('link', { name: 'Messenger' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByLabelText('Workspace name')).toBeTruthy();

    const teamsLink = within(pages).getByRole('link', { name: 'Teams and agents' });
    expect(teamsLink.getAttribute('href')).toBe('#/settings/teams');
    await go('#/settings/teams');
    expect(within(screen.getByRole('navigation', { name: 'Settings pages' })).getByRole('link', { name: 'Teams and agents' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    const table = await screen.findByRole('table', { name: 'Agents' });
    const katherineRow = within(table).getByRole('rowheader', { name: /Katherine Johnson/ }).closest('tr') as HTMLElement;
    expect(katherineRow.textContent).toContain('Offline');
    act(() => socket.fire('presence', { agentId: 'a3', presence: 'online' }));
    expect(katherineRow.textContent).toContain('Online');

    await go('#/settings/assignment');
    expect(await screen.findByRole('heading', { name: 'Assignment rules' })).toBeTruthy();
    await go('#/settings/service-levels');
    expect(await screen.findByRole('heading', { name: 'Business hours, SLA and away message' })).toBeTruthy();
    await go('#/settings');
    expect(await screen.findByLabelText('Workspace name')).toBeTruthy();
  });
});
