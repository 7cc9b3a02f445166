// @vitest-environment happy-dom
/** The content screens inside the workspace: reached from the top bar and by hash, with aria-current on the active link. */
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Survey, SurveyResults } from '../../protocol/index.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { tour, workspaceSettings, survey as surveyFixture } from '../test-support/fixtures.js';
import { Workspace } from './Workspace.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const };

const survey = surveyFixture();

const emptyResults: SurveyResults = {
  responses: 0,
  partial: 0,
  shown: 0,
  response_rate: null,
  nps: null,
  csat: null,
  ces: null,
  questions: [],
  trend: [],
  breakdown: null,
};

async function go(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('content screens in the workspace', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('navigates between Inbox, Messages, Segments, Series, Tours, Surveys and Settings', async () => {
    const api = fakeApi({
      listConversations: async () => ({ data: [], next_cursor: null }),
      listAgents: async () => ({ data: [agent] }),
      listInAppMessages: async () => ({ data: [], next_cursor: null }),
      listSegments: async () => ({ data: [], next_cursor: null }),
      listSeries: async () => ({ data: [], next_cursor: null }),
      listSurveys: async () => ({ data: [], next_cursor: null }),
      getCsatReport: async () => ({ ratings: 0, csat: null, distribution: {} }),
      getSurvey: async () => ({ ...survey }),
      getSurveyResults: async () => emptyResults,
      getSettings: async () => workspaceSettings(),
      listTours: async () => ({ data: [], next_cursor: null }),
      getTour: async () => tour(),
      getTourStats: async () => ({ started: 0, completed: 0, dismissed: 0, element_missing: 0, completion_rate: null, steps: [] }),
    });
    render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => new FakeAgentSocket().asAgentSocket()} />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const names = Array.from(nav.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(names).toEqual([
      ['Inbox', '#/'],
      ['Messages', '#/messages'],
      ['Segments', '#/segments'],
      ['Series', '#/series'],
      ['Tours', '#/tours'],
      ['Surveys', '#/surveys'],
      ['Help center', '#/help'],
      ['Reports', '#/reports'],
      ['Settings', '#/settings'],
    ]);
    const current = () => nav.querySelector('[aria-current="page"]')?.textContent;
    expect(current()).toBe('Inbox');

    await go('#/messages');
    expect(await screen.findByRole('heading', { level: 1, name: 'Messages' })).toBeTruthy();
    expect(await screen.findByText('No in-app messages yet')).toBeTruthy();
    expect(current()).toBe('Messages');

    await go('#/messages/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'New message' })).toBeTruthy();
    expect(await screen.findByLabelText('Body')).toBeTruthy();
    expect(current()).toBe('Messages');

    await go('#/segments/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'New segment' })).toBeTruthy();
    expect(current()).toBe('Segments');

    await go('#/series');
    expect(await screen.findByText('No series yet')).toBeTruthy();
    expect(current()).toBe('Series');

    await go('#/tours');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tours' })).toBeTruthy();
    expect(await screen.findByText('No tours yet')).toBeTruthy();
    expect(current()).toBe('Tours');

    await go('#/tours/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'New tour' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Add tooltip' })).toBeTruthy();
    expect(current()).toBe('Tours');

    await go('#/tours/tur_1/stats');
    expect(await screen.findByRole('heading', { level: 1, name: 'Stats' })).toBeTruthy();
    expect(await screen.findByText('No runs yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit tour' }).getAttribute('href')).toBe('#/tours/tur_1');
    expect(current()).toBe('Tours');

    await go('#/tours/tur_1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Onboarding' })).toBeTruthy();
    expect(await screen.findByLabelText('Body of step 3')).toBeTruthy();

    await go('#/surveys');
    expect(await screen.findByText('No surveys yet')).toBeTruthy();
    expect(current()).toBe('Surveys');

    await go('#/surveys/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'New survey' })).toBeTruthy();
    expect(await screen.findByLabelText('Text of question 1')).toBeTruthy();

    await go('#/surveys/sv_1/results');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results' })).toBeTruthy();
    expect(await screen.findByText('No responses yet')).toBeTruthy();
    expect(current()).toBe('Surveys');

    await go('#/');
    expect(screen.getByText('Select a conversation')).toBeTruthy();
    expect(current()).toBe('Inbox');
  });
});
