// @vitest-environment happy-dom
/**
 * Settings → Bots against a small fake server: the answer bot's switch, the
 * ordered bots (toggle, move, add, edit, delete), and the editor's trigger,
 * audience and step list (add, fill, branch, move, remove), and the read-only
 * view for agents.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnswerBotSettings, Bot } from '../../../protocol/index.js';
import type { CreateBotRequest, UpdateBotRequest } from '../../api/bot-endpoints.js';
import { ApiError } from '../../api/http.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { agentProfile, team } from '../../test-support/team-fixtures.js';
import { SettingsScreen } from './SettingsScreen.js';

function bot(overrides: Partial<Bot>): Bot {
  return {
    id: 'bot_1',
    name: 'Plan',
    enabled: true,
    position: 0,
    trigger: { on: 'new_conversation' },
    steps: [{ id: 'hi', type: 'message', body: 'Hello!' }],
    created_at: '2025-03-01T12:00:00.000Z',
    updated_at: '2025-03-01T12:00:00.000Z',
    ...overrides,
  };
}

/** Bots kept in order with positions 0, 1, 2…, as the server keeps them. */
function fakeBots(initial: Bot[]) {
  let bots = [...initial];
  let answerBot: AnswerBotSettings = { enabled: false };
  const renumber = () => {
    bots = bots.map((b, i) => ({ ...b, position: i }));
  };
  return {
    listBots: vi.fn(async () => ({ data: [...bots].reverse(), next_cursor: null })),
    createBot: vi.fn(async (input: CreateBotRequest) => {
      const created = bot({ ...(input as Partial<Bot>), id: `bot_${bots.length + 1}`, position: bots.length });
      bots.push(created);
      renumber();
      return created;
    }),
    updateBot: vi.fn(async (id: string, patch: UpdateBotRequest) => {
      bots = bots.map((b) => (b.id === id ? ({ ...b, ...patch } as Bot) : b));
      return bots.find((b) => b.id === id) as Bot;
    }),
    reorderBots: vi.fn(async (ids: readonly string[]) => {
      bots = ids.map((id) => bots.find((b) => b.id === id) as Bot);
      renumber();
      return { data: bots, next_cursor: null };
    }),
    deleteBot: vi.fn(async (id: string) => {
      bots = bots.filter((b) => b.id !== id);
      renumber();
    }),
    getAnswerBot: vi.fn(async () => answerBot),
    updateAnswerBot: vi.fn(async (settings: AnswerBotSettings) => (answerBot = settings)),
  };
}

const plan = bot({
  id: 'bot_1',
  name: 'Plan and urgency',
  trigger: { on: 'new_conversation', audience: { page: { op: 'matches', value: '/billing*' } } },
  steps: [
    { id: 'plan', type: 'buttons', body: 'Which plan?', trait_key: 'plan', options: [{ id: 'free', label: 'Free', next: 'bye' }, { id: 'ent', label: 'Enterprise' }] },
    { id: 'team', type: 'assign', team_id: 'team_1' },
    { id: 'bye', type: 'handover' },
  ],
});
const night = bot({ id: 'bot_2', name: 'Night', position: 1, enabled: false, trigger: { on: 'outside_business_hours' } });

function setup(canEdit = true) {
  const server = fakeBots([plan, night]);
  const api = fakeApi({
    ...server,
    listTeams: async () => ({ data: [team({ id: 'team_1', name: 'Enterprise desk' })], next_cursor: null }),
    listTags: async () => ({ data: [{ id: 'tag_1', name: 'Incident', color: null, count: 0, created_at: '' }], next_cursor: null }),
    listSegments: async () => ({ data: [], next_cursor: null }),
  });
  render(<SettingsScreen page="bots" api={api} canEdit={canEdit} agent={agentProfile()} />);
  return server;
}

const botNames = () => screen.getAllByRole('article').map((a) => a.querySelector('h3')?.textContent);

describe('Settings: bots', () => {
  afterEach(() => cleanup());

  it('lists the bots in order with their steps, switches one on and the answer bot too', async () => {
    const { updateBot, updateAnswerBot } = setup();
    await screen.findByRole('heading', { name: 'Custom bots' });
    expect(screen.getByRole('link', { name: 'Bots' }).getAttribute('aria-current')).toBe('page');
    expect(botNames()).toEqual(['Bot 1: Plan and urgency', 'Bot 2: Night']);
    const card = screen.getByRole('article', { name: 'Bot 1: Plan and urgency' });
    expect(card.textContent).toContain('When a visitor starts a conversation · for some visitors · 3 steps');
    expect(within(card).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ask with buttons: “Which plan?”', 'Assign to a team', 'Hand over to a person']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Enabled (Night)' }));
    await waitFor(() => expect(updateBot).toHaveBeenCalledWith('bot_2', { enabled: true }));
    expect(await screen.findByText('Bot “Night” enabled.')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Offer help articles on new conversations' }));
    await waitFor(() => expect(updateAnswerBot).toHaveBeenCalledWith({ enabled: true }));
    expect(await screen.findByText('The answer bot is on.')).toBeTruthy();
  });

  it('moves a bot by sending the whole order, focus following it', async () => {
    const { reorderBots } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Move down Plan and urgency' }));
    await waitFor(() => expect(botNames()).toEqual(['Bot 1: Night', 'Bot 2: Plan and urgency']));
    expect(reorderBots).toHaveBeenCalledWith(['bot_2', 'bot_1']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down Plan and urgency' })));
  });

  it('adds a bot: trigger, audience and steps added, filled, branched, moved and removed', async () => {
    const { createBot } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Add bot' }));
    const form = screen.getByRole('form', { name: 'New bot' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Bot name'));

    fireEvent.click(within(form).getByRole('button', { name: 'Add bot' }));
    expect(within(form).getByRole('alert').textContent).toBe('Fix the marked fields first.');
    expect(within(form).getByText('Give the bot a name.')).toBeTruthy();
    expect(within(form).getByText('Add at least one step.')).toBeTruthy();

    fireEvent.input(within(form).getByLabelText('Bot name'), { target: { value: 'Urgency' } });
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: 'outside_business_hours' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add condition' }));
    fireEvent.input(within(form).getByLabelText('Attribute of condition 1'), { target: { value: 'plan' } });
    fireEvent.change(within(form).getByLabelText('Operator of condition 1'), { target: { value: 'eq' } });
    fireEvent.input(within(form).getByLabelText('Value of condition 1'), { target: { value: 'pro' } });

    // Step 1: buttons, the second leading past step 2.
    fireEvent.click(within(form).getByRole('button', { name: 'Add step' }));
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Do of step 1')));
    fireEvent.change(within(form).getByLabelText('Do of step 1'), { target: { value: 'buttons' } });
    fireEvent.input(within(form).getByLabelText('The bot says of step 1'), { target: { value: 'How urgent?' } });
    fireEvent.input(within(form).getByLabelText('Label of button 1 of step 1'), { target: { value: 'Low' } });
    // Step 2: tag; step 3: hand over. Then button 2 → step 3.
    fireEvent.click(within(form).getByRole('button', { name: 'Add step' }));
    fireEvent.change(within(form).getByLabelText('Do of step 2'), { target: { value: 'tag' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add step' }));
    fireEvent.change(within(form).getByLabelText('Do of step 3'), { target: { value: 'handover' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add step' }));
    fireEvent.change(within(form).getByLabelText('Do of step 4'), { target: { value: 'collect' } });

    // Missing: button 2's label, the tag, what step 4 says.
    fireEvent.click(within(form).getByRole('button', { name: 'Add bot' }));
    expect(within(within(form).getByRole('group', { name: 'Step 1' })).getByText('Give every button a label.')).toBeTruthy();
    expect(within(within(form).getByRole('group', { name: 'Step 2' })).getByText('Choose a tag.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Label of button 2 of step 1'), { target: { value: 'Urgent' } });
    fireEvent.change(within(form).getByLabelText('Then go to of button 1 of step 1'), { target: { value: 's3' } });
    fireEvent.change(within(form).getByLabelText('Tag of step 2'), { target: { value: 'tag_1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Remove step 4' }));
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Add step' })));
    // A priority step, moved before the hand-over.
    fireEvent.click(within(form).getByRole('button', { name: 'Add step' }));
    fireEvent.change(within(form).getByLabelText('Do of step 4'), { target: { value: 'set_priority' } });
    fireEvent.change(within(form).getByLabelText('Priority of step 4'), { target: { value: 'urgent' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move up step 4' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add bot' }));

    await waitFor(() =>
      expect(createBot).toHaveBeenCalledWith({
        name: 'Urgency',
        enabled: true,
        trigger: { on: 'outside_business_hours', audience: { all: [{ attr: 'plan', op: 'eq', value: 'pro' }] } },
        steps: [
          { id: 's1', type: 'buttons', body: 'How urgent?', options: [{ id: 'o1', label: 'Low', next: 's3' }, { id: 'o2', label: 'Urgent' }] },
          { id: 's2', type: 'tag', tag_id: 'tag_1' },
          { id: 's4', type: 'set_priority', priority: 'urgent' },
          { id: 's3', type: 'handover' },
        ],
      }),
    );
    await waitFor(() => expect(botNames()).toEqual(['Bot 1: Plan and urgency', 'Bot 2: Night', 'Bot 3: Urgency']));
    expect(screen.getByText('Bot “Urgency” added at position 3.')).toBeTruthy();
  });

  it('edits a bot, sending only what changed, and shows a refusal', async () => {
    const { updateBot } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Plan and urgency' }));
    const form = screen.getByRole('form', { name: 'Edit bot Plan and urgency' });
    expect((within(form).getByLabelText('Then go to of button 1 of step 1') as HTMLSelectElement).value).toBe('bye');
    expect((within(form).getByLabelText('Team of step 2') as HTMLSelectElement).value).toBe('team_1');
    fireEvent.input(within(form).getByLabelText('Label of button 2 of step 1'), { target: { value: 'Enterprise plan' } });
    updateBot.mockRejectedValueOnce(new ApiError(400, 'validation_failed', 'steps.1.team_id: no team "team_1" in this workspace'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save bot' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('steps.1.team_id: no team "team_1" in this workspace');
    fireEvent.click(within(form).getByRole('button', { name: 'Save bot' }));
    await waitFor(() =>
      expect(updateBot).toHaveBeenLastCalledWith('bot_1', {
        steps: [
          { id: 'plan', type: 'buttons', body: 'Which plan?', options: [{ id: 'free', label: 'Free', next: 'bye' }, { id: 'ent', label: 'Enterprise plan' }], trait_key: 'plan' },
          { id: 'team', type: 'assign', team_id: 'team_1' },
          { id: 'bye', type: 'handover' },
        ],
      }),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit bot Plan and urgency' })).toBeNull());
  });

  it('deletes a bot after asking', async () => {
    const { deleteBot } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Plan and urgency' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete bot' }));
    await waitFor(() => expect(botNames()).toEqual(['Bot 1: Night']));
    expect(deleteBot).toHaveBeenCalledWith('bot_1');
  });

  it('is read-only for agents who are not admins', async () => {
    setup(false);
    await screen.findByRole('heading', { name: 'Custom bots' });
    expect(screen.queryByRole('button', { name: /Move|Edit|Delete|Add bot/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('Off.')).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Bot 2: Night' }).textContent).toContain('Disabled');
  });
});
