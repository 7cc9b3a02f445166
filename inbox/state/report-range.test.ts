import { describe, expect, it } from 'vitest';
import { reportQuery, reportRange, todayIn, type ReportFilters } from './report-range.js';

// Monday 31 March 2025, 10:30 in Berlin (CEST, +02:00).
const NOW = Date.parse('2025-03-31T08:30:00Z');
const base: ReportFilters = { preset: '7', from: '', to: '', teamId: '', agentId: '', tz: 'Europe/Berlin' };

describe('report range', () => {
  it('makes a preset whole local days ending today, across a DST change', () => {
    // Berlin's clocks went forward on Sunday 30 March: the start is CET (+01:00), the end CEST (+02:00).
    expect(reportRange(base, NOW)).toEqual({ ok: true, from: '2025-03-24T23:00:00.000Z', to: '2025-03-31T22:00:00.000Z' });
    expect(reportRange({ ...base, preset: '30', tz: 'UTC' }, NOW)).toEqual({ ok: true, from: '2025-03-02T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' });
    const ninety = reportRange({ ...base, preset: '90', tz: 'UTC' }, NOW);
    expect(ninety.ok && (Date.parse(ninety.to) - Date.parse(ninety.from)) / 86_400_000).toBe(90);
  });

  it('includes the last custom date and refuses a backwards or too long period', () => {
    expect(reportRange({ ...base, preset: 'custom', from: '2025-03-01', to: '2025-03-01', tz: 'America/New_York' }, NOW)).toEqual({
      ok: true,
      from: '2025-03-01T05:00:00.000Z',
      to: '2025-03-02T05:00:00.000Z',
    });
    expect(reportRange({ ...base, preset: 'custom', from: '2025-03-02', to: '2025-03-01' }, NOW)).toEqual({ ok: false, error: 'The end date is before the start date.' });
    expect(reportRange({ ...base, preset: 'custom', from: '', to: '2025-03-01' }, NOW)).toEqual({ ok: false, error: 'Choose both dates.' });
    expect(reportRange({ ...base, preset: 'custom', from: '2025-02-30', to: '2025-03-01' }, NOW).ok).toBe(false);
    expect(reportRange({ ...base, preset: 'custom', from: '2023-01-01', to: '2025-03-01' }, NOW)).toEqual({ ok: false, error: 'A report covers at most 400 days.' });
  });

  it('builds the query with only the filters chosen, falling back to UTC for an unknown zone', () => {
    expect(reportQuery({ ...base, teamId: 'team_1' }, NOW)).toEqual({ from: '2025-03-24T23:00:00.000Z', to: '2025-03-31T22:00:00.000Z', team_id: 'team_1', tz: 'Europe/Berlin' });
    expect(reportQuery({ ...base, agentId: 'a1', tz: 'Mars/Base' }, NOW)).toMatchObject({ agent_id: 'a1', tz: 'UTC' });
    expect(reportQuery({ ...base, preset: 'custom' }, NOW)).toBeNull();
    expect(todayIn('Pacific/Auckland', NOW)).toBe('2025-03-31');
    expect(todayIn('America/Los_Angeles', Date.parse('2025-03-31T05:00:00Z'))).toBe('2025-03-30');
  });
});
