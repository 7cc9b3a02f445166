// @vitest-environment happy-dom
/** The results page against a fake API: the NPS tile and charts, the empty state, the CSV link, a breakdown, the refresh. */
import { survey as surveyFixture } from '../../test-support/fixtures.js';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Survey, SurveyResults } from '../../../protocol/index.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { SurveyResultsPage } from './SurveyResultsPage.js';
import { SurveysTable } from './SurveysTable.js';

const survey = surveyFixture({
  name: 'Quarterly NPS',
  questions: [
    { id: 'q1', type: 'nps', text: 'How likely are you to recommend us?' },
    { id: 'q2', type: 'single', text: 'Your role?', options: ['Dev', 'PM'] },
    { id: 'q3', type: 'text', text: 'Why?' },
  ],
});

const nps = { score: 100, promoters: 3, passives: 0, detractors: 0, total: 3 };

const results: SurveyResults = {
  responses: 3,
  partial: 1,
  shown: 6,
  response_rate: 0.5,
  nps,
  csat: null,
  ces: null,
  questions: [
    { id: 'q1', type: 'nps', text: 'How likely are you to recommend us?', answered: 3, distribution: { '9': 1, '10': 2 }, average: 9.67, texts: [] },
    { id: 'q2', type: 'single', text: 'Your role?', answered: 2, distribution: { Dev: 2, PM: 0 }, average: null, texts: [] },
    {
      id: 'q3',
      type: 'text',
      text: 'Why?',
      answered: 2,
      distribution: {},
      average: null,
      texts: [
        { contact_id: 'ct_1', answer: 'Fast support', at: '2025-03-01T10:00:00.000Z' },
        { contact_id: 'ct_2', answer: 'Great docs', at: '2025-03-02T10:00:00.000Z' },
      ],
    },
  ],
  trend: [
    { day: '2025-03-01', responses: 1, nps: { score: 100, promoters: 1, passives: 0, detractors: 0, total: 1 }, csat: null, ces: null },
    { day: '2025-03-02', responses: 2, nps: { score: 100, promoters: 2, passives: 0, detractors: 0, total: 2 }, csat: null, ces: null },
  ],
  breakdown: null,
};

const empty: SurveyResults = { ...results, responses: 0, partial: 0, shown: 0, response_rate: null, nps: null, questions: [], trend: [] };

describe('SurveyResultsPage', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the NPS tile, the charts with their text alternatives, text answers newest first and the CSV link', async () => {
    const getSurveyResults = vi.fn(async () => results);
    render(<SurveyResultsPage api={fakeApi({ getSurvey: async () => survey, getSurveyResults })} id="sv_1" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Results' })).toBeTruthy();
    const npsTile = await screen.findByRole('region', { name: 'NPS' });
    expect(npsTile.textContent).toContain('+100');
    expect(npsTile.textContent).toContain('3 promoters (100%)');
    expect(npsTile.textContent).toContain('0 detractors (0%)');
    expect(within(screen.getByRole('region', { name: 'Responses' })).getByText('3')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Partial' }).textContent).toContain('1');
    expect(screen.getByRole('region', { name: 'Response rate' }).textContent).toContain('50%');

    const npsChart = screen.getByRole('img', { name: /^Answers to “How likely are you to recommend us\?”, 0 to 10\. 0: 0, .*9: 1, 10: 2$/ });
    expect(npsChart.querySelectorAll('rect.chart__bar--promoter').length).toBe(2);
    expect(screen.getByRole('img', { name: 'Responses and NPS per day, Mar 1 to Mar 2: 3 responses.' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Responses and NPS per day' })).toBeTruthy();
    expect(screen.getByText('Dev').closest('li')?.textContent).toBe('Dev2 (100%)');

    const texts = within(screen.getByRole('region', { name: 'Text answers' })).getAllByRole('listitem');
    expect(texts.map((li) => li.querySelector('blockquote')?.textContent)).toEqual(['Great docs', 'Fast support']);

    const csv = screen.getByRole('link', { name: 'Download CSV' });
    expect(csv.getAttribute('href')).toBe('/api/v1/surveys/sv_1/results.csv');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Quarterly NPS' }).getAttribute('href')).toBe('#/surveys/sv_1');
    expect(getSurveyResults).toHaveBeenCalledWith('sv_1', {}, expect.anything());
  });

  it('says "No responses yet" instead of NaN when nobody answered', async () => {
    render(<SurveyResultsPage api={fakeApi({ getSurvey: async () => survey, getSurveyResults: async () => empty })} id="sv_1" />);
    expect(await screen.findByText('No responses yet')).toBeTruthy();
    const npsTile = screen.getByRole('region', { name: 'NPS' });
    expect(npsTile.textContent).toContain('—');
    expect(screen.getByRole('region', { name: 'Response rate' }).textContent).toContain('—');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('breaks down by a trait or by segment, over a date range', async () => {
    const getSurveyResults = vi.fn(async (_id: string, query: { by?: string } = {}) =>
      query.by ? { ...results, breakdown: [{ group: 'pro', responses: 2, nps: { ...nps, total: 2 }, csat: null, ces: null }] } : results,
    );
    render(<SurveyResultsPage api={fakeApi({ getSurvey: async () => survey, getSurveyResults })} id="sv_1" />);
    await screen.findByRole('region', { name: 'NPS' });
    fireEvent.change(screen.getByLabelText('Break down by'), { target: { value: 'trait' } });
    fireEvent.input(screen.getByLabelText('Trait key'), { target: { value: 'plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const table = await screen.findByRole('table', { name: 'By plan' });
    expect(within(table).getAllByRole('row')[1].textContent).toBe('pro2+100——');
    expect(getSurveyResults).toHaveBeenLastCalledWith('sv_1', { by: 'trait:plan' }, expect.anything());

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-01' } });
    await waitFor(() => expect(getSurveyResults).toHaveBeenLastCalledWith('sv_1', expect.objectContaining({ by: 'trait:plan', from: new Date(2025, 2, 1).toISOString() }), expect.anything()));
    fireEvent.change(screen.getByLabelText('Break down by'), { target: { value: 'segment' } });
    await waitFor(() => expect(getSurveyResults).toHaveBeenLastCalledWith('sv_1', expect.objectContaining({ by: 'segment' }), expect.anything()));
  });

  it('refreshes every 10 seconds', async () => {
    vi.useFakeTimers();
    const getSurveyResults = vi.fn(async () => results);
    render(<SurveyResultsPage api={fakeApi({ getSurvey: async () => survey, getSurveyResults })} id="sv_1" />);
    expect(getSurveyResults).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(getSurveyResults).toHaveBeenCalledTimes(2);
  });
});

describe('SurveysTable', () => {
  afterEach(() => cleanup());

  it('lists surveys with responses, headline score, response rate and a results link; and conversation ratings', async () => {
    render(
      <SurveysTable
        api={fakeApi({
          listSurveys: async () => ({ data: [survey], next_cursor: null }),
          getSurveyResults: async () => results,
          getCsatReport: async () => ({ ratings: 4, csat: 75, distribution: { '5': 2, '4': 1, '2': 1 } }),
        })}
      />,
    );
    expect((await screen.findByRole('link', { name: 'Quarterly NPS' })).getAttribute('href')).toBe('#/surveys/sv_1');
    const row = screen.getAllByRole('row')[1];
    await waitFor(() => expect(row.textContent).toBe('Quarterly NPSLive3NPS +10050%Results'));
    expect(within(row).getByRole('link', { name: 'Results' }).getAttribute('href')).toBe('#/surveys/sv_1/results');
    const ratings = await screen.findByRole('region', { name: 'Conversation ratings' });
    expect(ratings.textContent).toContain('75%');
    expect(within(ratings).getByText('5 ★').closest('li')?.textContent).toBe('5 ★2 (50%)');
  });
});
