// @vitest-environment happy-dom
/** The series editor against a fake API: steps added, moved and saved in order; stats per step. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateSeriesInput, InAppMessage, Series, UpdateSeriesInput } from '../../../protocol/index.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { SeriesEditor } from './SeriesEditor.js';
import { SeriesTable } from './SeriesTable.js';

const messages = [
  { id: 'msg_1', name: 'Welcome' },
  { id: 'msg_2', name: 'Tips' },
] as InAppMessage[];

const saved: Series = {
  id: 'ser_1',
  name: 'Onboarding',
  entry: { all: [] },
  steps: [
    { id: 'step-1', type: 'message', message_id: 'msg_1' },
    { id: 'step-2', type: 'wait', days: 2 },
    { id: 'step-3', type: 'message', message_id: 'msg_2' },
  ],
  status: 'live',
  created_at: '',
  updated_at: '',
};

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    listInAppMessages: async () => ({ data: messages, next_cursor: null }),
    listSegments: async () => ({ data: [], next_cursor: null }),
    getSeriesStats: async () => ({
      entered: 120,
      active: 40,
      completed: 70,
      exited: 10,
      steps: [
        { id: 'step-1', reached: 120, current: 0 },
        { id: 'step-2', reached: 100, current: 30 },
        { id: 'step-3', reached: 70, current: 0 },
      ],
    }),
    ...overrides,
  });
}

describe('SeriesEditor', () => {
  afterEach(() => cleanup());

  it('adds steps, moves one up, and saves them in order', async () => {
    const createSeries = vi.fn(async (input: CreateSeriesInput) => ({ ...saved, ...input, id: 'ser_new' }) as Series);
    render(<SeriesEditor api={api({ createSeries })} id={null} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'Trial' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add message' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Type of step 1')));
    fireEvent.change(screen.getByLabelText('Message of step 1'), { target: { value: 'msg_1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add wait' }));
    fireEvent.input(screen.getByLabelText('Days of step 2'), { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText('Or until event of step 2'), { target: { value: 'activated' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add branch' }));
    fireEvent.change(screen.getByLabelText('Otherwise, go to of step 3'), { target: { value: 'next' } });
    const branch = screen.getByRole('group', { name: 'Branch conditions of step 3' });
    fireEvent.click(within(branch).getByRole('button', { name: 'Add condition' }));
    fireEvent.change(within(branch).getByLabelText('Condition of condition 1'), { target: { value: 'event' } });
    fireEvent.input(within(branch).getByLabelText('Event of condition 1'), { target: { value: 'upgraded' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add message' }));
    fireEvent.change(screen.getByLabelText('Message of step 4'), { target: { value: 'msg_2' } });

    // The wait goes first.
    fireEvent.click(screen.getByRole('button', { name: 'Move up step 2' }));
    expect(screen.getByText('Step moved to position 1.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down step 1' })));
    expect(screen.getByLabelText('Days of step 1')).toHaveProperty('value', '3');
    expect(screen.getByRole('button', { name: 'Move up step 1' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Series created.')).toBeTruthy());
    expect(createSeries).toHaveBeenCalledWith({
      name: 'Trial',
      entry: { all: [] },
      steps: [
        { id: 'step-2', type: 'wait', days: 3, until_event: 'activated' },
        { id: 'step-1', type: 'message', message_id: 'msg_1' },
        { id: 'step-3', type: 'branch', rule: { all: [{ event: 'upgraded', op: 'count_gte', value: 1 }] }, then: 'next', else: 'next' },
        { id: 'step-4', type: 'message', message_id: 'msg_2' },
      ],
      status: 'draft',
    });
  });

  it('names an empty step and a series without steps', async () => {
    const createSeries = vi.fn();
    render(<SeriesEditor api={api({ createSeries })} id={null} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Add at least one step.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add message' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const select = screen.getByLabelText('Message of step 1');
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Choose a message.');
    expect(createSeries).not.toHaveBeenCalled();
  });

  it('shows totals and where each step stands on a saved series; removes a step', async () => {
    const updateSeries = vi.fn(async (_id: string, patch: UpdateSeriesInput) => ({ ...saved, ...patch }) as Series);
    render(<SeriesEditor api={api({ getSeries: async () => saved, updateSeries })} id="ser_1" />);
    const stats = await screen.findByRole('region', { name: 'Stats' });
    await waitFor(() => expect(within(stats).getByText('120')).toBeTruthy());
    expect(stats.textContent).toBe('StatsEntered120Active40Completed70Exited10');
    expect(screen.getByRole('group', { name: 'Step 2 · reached 100, waiting 30' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove step 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Series saved.')).toBeTruthy());
    expect(updateSeries).toHaveBeenCalledWith('ser_1', { steps: [saved.steps[0], saved.steps[2]] });
  });
});

describe('SeriesTable', () => {
  afterEach(() => cleanup());

  it('lists series with status and entered/active/completed', async () => {
    render(<SeriesTable api={api({ listSeries: async () => ({ data: [saved], next_cursor: null }) })} />);
    expect((await screen.findByRole('link', { name: 'Onboarding' })).getAttribute('href')).toBe('#/series/ser_1');
    const row = screen.getAllByRole('row')[1];
    await waitFor(() => expect(row.textContent).toBe('OnboardingLive1204070'));
  });
});
