// @vitest-environment happy-dom
/** The reports page against a fake API: tiles, charts with their text alternatives, tables, filters, CSV link, failures; reached from the top bar. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationReportQuery } from '../../api/report-endpoints.js';
import { ApiError } from '../../api/http.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { FakeAgentSocket } from '../../test-support/fake-socket.js';
import { agentProfile, conversationReport, team } from '../../test-support/team-fixtures.js';
import { Workspace } from '../Workspace.js';
import { ReportsPage } from './ReportsPage.js';

// Monday 31 March 2025, 10:30 in Berlin.
const NOW = Date.parse('2025-03-31T08:30:00Z');
const agents = [agentProfile({ id: 'a1', name: 'Ada Lovelace' }), agentProfile({ id: 'a2', name: 'Grace Hopper' })];

const TOPICS = {
  from: '2025-03-01T23:00:00.000Z',
  to: '2025-03-31T22:00:00.000Z',
  messages: 9,
  data: [{ terms: ['password', 'reset'], count: 5, example: 'How do I reset my password?', conversation_ids: ['c1', 'c2', 'c3', 'c4', 'c5'] }],
};

function setup(getConversationReport = vi.fn(async (_query: ConversationReportQuery) => conversationReport())) {
  const api = fakeApi({
    getConversationReport,
    getQuestionTopics: async () => TOPICS,
    listTeams: async () => ({ data: [team({ id: 'team_1', name: 'Support' })], next_cursor: null }),
  });
  render(<ReportsPage api={api} agents={agents} timeZone="Europe/Berlin" now={() => NOW} />);
  return { getConversationReport };
}

describe('ReportsPage', () => {
  afterEach(() => cleanup());

  it('lists the frequently asked topics of the period with a count and a typical question', async () => {
    setup();
    const section = await screen.findByRole('region', { name: 'Frequently asked' });
    const item = await within(section).findByRole('listitem');
    expect(item.textContent).toContain('password · reset');
    expect(item.textContent).toContain('5 conversations');
    expect(item.textContent).toContain('How do I reset my password?');
  });

  it('shows the tiles, the charts with text alternatives, the tables and the CSV link for the last 30 days in the browser’s zone', async () => {
    const { getConversationReport } = setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading the report…');
    expect(getConversationReport).toHaveBeenCalledWith(
      { from: '2025-03-01T23:00:00.000Z', to: '2025-03-31T22:00:00.000Z', tz: 'Europe/Berlin' },
      expect.any(AbortSignal),
    );

    const opened = await screen.findByRole('region', { name: 'Opened' });
    expect(opened.textContent).toContain('6');
    expect(screen.getByRole('region', { name: 'Closed' }).textContent).toContain('4');
    expect(screen.getByRole('region', { name: 'Median first response' }).textContent).toContain('6 min');
    expect(screen.getByRole('region', { name: 'Median first response' }).textContent).toContain('Over 4 first replies');
    expect(screen.getByRole('region', { name: 'p90 first response' }).textContent).toContain('1 h 12 min');
    expect(screen.getByRole('region', { name: 'Median resolution' }).textContent).toContain('12 h 30 min');
    expect(screen.getByRole('region', { name: 'First-contact resolution' }).textContent).toContain('50%');
    expect(screen.getByRole('region', { name: 'CSAT' }).textContent).toContain('Rated 4 or 5, of 4 ratings');

    expect(screen.getByRole('img', { name: 'Conversations opened and closed per day, Mar 24 to Mar 30: 6 opened, 4 closed.' })).toBeTruthy();
    const volume = screen.getByRole('table', { name: 'Conversations opened and closed per day' });
    expect(within(volume).getAllByRole('row')[2].textContent).toBe('Mar 2530');

    // The heatmap: a visible summary, an image named by it, a cell tooltip, and the grid as a table.
    expect(screen.getByText('Busiest: Tuesday 10:00–11:00 (3 opened)')).toBeTruthy();
    const heatmap = screen.getByRole('img', { name: 'Conversations opened by weekday and hour, UTC. Busiest: Tuesday 10:00–11:00 (3 opened)' });
    expect(heatmap.querySelectorAll('rect.heatmap__cell')).toHaveLength(7 * 24);
    expect(heatmap.querySelector('rect.heatmap__cell--4 title')?.textContent).toBe('Tuesday 10:00–11:00: 3 opened');
    const grid = screen.getByRole('table', { name: 'Busiest hours (UTC)' });
    const tuesday = within(grid).getByRole('rowheader', { name: 'Tuesday' }).closest('tr') as HTMLElement;
    expect(within(tuesday).getAllByRole('cell')[10].textContent).toBe('3');

    const perAgent = screen.getByRole('table', { name: 'Per agent' });
    expect(within(perAgent).getByRole('rowheader', { name: 'Ada Lovelace' }).closest('tr')?.textContent).toBe('Ada Lovelace234 min10 min———');
    const perTeam = screen.getByRole('table', { name: 'Per team' });
    expect(within(perTeam).getByRole('rowheader', { name: 'Deleted team' })).toBeTruthy();

    const csv = screen.getByRole('link', { name: 'Download CSV' });
    expect(csv.getAttribute('href')).toBe('/api/v1/reports/conversations.csv?from=2025-03-01T23%3A00%3A00.000Z&to=2025-03-31T22%3A00%3A00.000Z&tz=Europe%2FBerlin');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('asks again with the period, team, agent and zone chosen, and the CSV link follows', async () => {
    const { getConversationReport } = setup();
    await screen.findByRole('region', { name: 'Opened' });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '7' } });
    await waitFor(() => expect(getConversationReport).toHaveBeenLastCalledWith({ from: '2025-03-24T23:00:00.000Z', to: '2025-03-31T22:00:00.000Z', tz: 'Europe/Berlin' }, expect.any(AbortSignal)));
    await waitFor(() => expect(screen.getByRole('option', { name: 'Support' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'team_1' } });
    fireEvent.change(screen.getByLabelText('Agent'), { target: { value: 'a2' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'UTC' } });
    await waitFor(() =>
      expect(getConversationReport).toHaveBeenLastCalledWith(
        { from: '2025-03-25T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z', team_id: 'team_1', agent_id: 'a2', tz: 'UTC' },
        expect.any(AbortSignal),
      ),
    );
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toContain('team_id=team_1&agent_id=a2&tz=UTC');

    // Custom dates, the last one included; a backwards period asks nothing and says why.
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-03-12' } });
    await waitFor(() =>
      expect(getConversationReport).toHaveBeenLastCalledWith(expect.objectContaining({ from: '2025-03-10T00:00:00.000Z', to: '2025-03-13T00:00:00.000Z' }), expect.any(AbortSignal)),
    );
    const calls = getConversationReport.mock.calls.length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-20' } });
    expect(screen.getByText('The end date is before the start date.')).toBeTruthy();
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull();
    expect(getConversationReport.mock.calls.length).toBe(calls);
  });

  it('says when the report cannot be loaded, and retries', async () => {
    let calls = 0;
    setup(
      vi.fn(async () => {
        calls += 1;
        if (calls === 1) throw new ApiError(503, 'unavailable', 'Reports are resting.');
        return conversationReport({ opened: 9 });
      }),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reports are resting.'));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect((await screen.findByRole('region', { name: 'Opened' })).textContent).toContain('9');
  });
});

describe('Reports in the workspace', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('is reached from the top bar', async () => {
    const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'agent' as const };
    const api = fakeApi({
      listConversations: async () => ({ data: [], next_cursor: null }),
      listAgents: async () => ({ data: [agent] }),
      listTeams: async () => ({ data: [], next_cursor: null }),
      getConversationReport: async () => conversationReport(),
    });
    const socket = new FakeAgentSocket();
    render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => socket.asAgentSocket()} />);
    const link = screen.getByRole('link', { name: 'Reports' });
    expect(link.getAttribute('href')).toBe('#/reports');
    await act(async () => {
      window.location.hash = '#/reports';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Opened' })).toBeTruthy();
    expect(screen.queryByText('Select a conversation')).toBeNull();
  });
});
