// @vitest-environment happy-dom
/** A tour's stats against a fake API: the tiles, the funnel with its labels and text alternative, the empty state, the refresh; and the list of tours. */
import { act, cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TourStats } from '../../../protocol/index.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { tour } from '../../test-support/fixtures.js';
import { ToursTable } from './ToursTable.js';
import { TourStatsPage } from './TourStatsPage.js';

// As the server's own test of the funnel reports it.
const stats: TourStats = {
  started: 3,
  completed: 1,
  dismissed: 1,
  element_missing: 1,
  completion_rate: 1 / 3,
  steps: [
    { id: 'welcome', seen: 3, dismissed: 0, missing: 0 },
    { id: 'reports', seen: 2, dismissed: 1, missing: 1 },
    { id: 'export', seen: 0, dismissed: 0, missing: 1 },
  ],
};

const none: TourStats = { started: 0, completed: 0, dismissed: 0, element_missing: 0, completion_rate: null, steps: stats.steps.map((s) => ({ ...s, seen: 0, dismissed: 0, missing: 0 })) };

describe('TourStatsPage', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the tiles and the drop-off funnel, each bar named by its step', async () => {
    const getTourStats = vi.fn(async () => stats);
    render(<TourStatsPage api={fakeApi({ getTour: async () => tour(), getTourStats })} id="tur_1" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Stats' })).toBeTruthy();
    const tile = (name: string) => screen.getByRole('region', { name }).querySelector('.result-tile__value')?.textContent;
    await screen.findByRole('region', { name: 'Started' });
    expect(tile('Started')).toBe('3');
    expect(tile('Completed')).toBe('1');
    expect(tile('Completion')).toBe('33.3%');
    expect(tile('Dismissed')).toBe('1');
    expect(tile('Element missing')).toBe('1');
    expect(screen.getByRole('region', { name: 'Completion' }).textContent).toContain('Of 3 started');

    const funnel = await screen.findByRole('img', {
      name: 'Runs that saw each step, 3 started. 1. Welcome to Acme: 3 seen; 2. Your reports live here.: 2 seen, 1 dismissed, 1 element missing; 3. Export any report as CSV.: 0 seen, 1 element missing',
    });
    expect(within(funnel).getByText('1. Welcome to Acme')).toBeTruthy();
    expect(within(funnel).getByText('2 seen (67%) · 1 dismissed · 1 element missing')).toBeTruthy();
    expect(funnel.querySelectorAll('rect.chart__bar')).toHaveLength(2);

    const table = screen.getByRole('table', { name: 'Runs that saw each step' });
    expect(within(table).getAllByRole('row').map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['Step', 'Seen', 'Of started', 'Dismissed', 'Element missing'],
      ['1. Welcome to Acme', '3', '100%', '0', '0'],
      ['2. Your reports live here.', '2', '67%', '1', '1'],
      ['3. Export any report as CSV.', '0', '0%', '0', '1'],
    ]);
    expect(screen.getByRole('link', { name: 'Onboarding' }).getAttribute('href')).toBe('#/tours/tur_1');
    expect(screen.getByRole('link', { name: 'Edit tour' }).getAttribute('href')).toBe('#/tours/tur_1');
    expect(getTourStats).toHaveBeenCalledWith('tur_1', expect.anything());
  });

  it('says "No runs yet" instead of NaN before anyone took the tour', async () => {
    render(<TourStatsPage api={fakeApi({ getTour: async () => tour(), getTourStats: async () => none })} id="tur_1" />);
    expect(await screen.findByText('No runs yet')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Completion' }).textContent).toContain('—');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('refreshes every 10 seconds and keeps the last numbers when a refresh fails', async () => {
    vi.useFakeTimers();
    const getTourStats = vi.fn(async () => stats);
    render(<TourStatsPage api={fakeApi({ getTour: async () => tour(), getTourStats })} id="tur_1" />);
    expect(getTourStats).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    getTourStats.mockRejectedValueOnce(new Error('offline'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(getTourStats).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toBe('Could not refresh: Could not load the stats. Showing the last stats.');
    expect(screen.getByRole('region', { name: 'Started' }).textContent).toContain('3');
  });
});

describe('ToursTable', () => {
  afterEach(() => cleanup());

  it('lists tours with status, steps, trigger, last change and a stats link', async () => {
    const onPage = tour({ id: 'tur_2', name: 'Billing', status: 'draft', trigger: { on: 'page', page: '/billing/*' }, steps: tour().steps.slice(0, 1) });
    render(<ToursTable api={fakeApi({ listTours: async () => ({ data: [tour(), onPage], next_cursor: null }) })} />);
    expect((await screen.findByRole('link', { name: 'Onboarding' })).getAttribute('href')).toBe('#/tours/tur_1');
    const [, first, second] = screen.getAllByRole('row');
    const cells = (row: HTMLElement) => Array.from(row.children, (cell) => cell.textContent);
    expect(cells(first)).toEqual(['Onboarding', 'Live', '3', 'Immediately', expect.stringMatching(/Mar 4/), 'Stats']);
    expect(cells(second)).toEqual(['Billing', 'Draft', '1', 'On /billing/*', expect.stringMatching(/Mar 4/), 'Stats']);
    expect(within(second).getByRole('link', { name: 'Stats' }).getAttribute('href')).toBe('#/tours/tur_2/stats');
  });

  it('invites to make the first tour', async () => {
    render(<ToursTable api={fakeApi({ listTours: async () => ({ data: [], next_cursor: null }) })} />);
    expect(await screen.findByText('No tours yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New tour' }).getAttribute('href')).toBe('#/tours/new');
  });
});
