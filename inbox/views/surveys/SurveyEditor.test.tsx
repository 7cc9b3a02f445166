// @vitest-environment happy-dom
/** The survey editor against a fake API: questions, logic and follow-ups built and sent; the live preview; errors on their question. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateSurveyInput, Survey, UpdateSurveyInput } from '../../../protocol/index.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { workspaceSettings, survey } from '../../test-support/fixtures.js';
import { SurveyEditor } from './SurveyEditor.js';

const agents = [
  { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const },
  { id: 'a2', email: 'grace@example.com', name: 'Grace Hopper', role: 'agent' as const },
];

const saved = survey({
  name: 'Quarterly NPS',
  questions: [
    { id: 'q1', type: 'nps', text: 'How likely are you to recommend us?' },
    { id: 'q2', type: 'text', text: 'Why?' },
  ],
  status: 'draft',
});

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    listSegments: async () => ({ data: [], next_cursor: null }),
    getSettings: async () => workspaceSettings({ color: '#0f766e', name: 'Acme' }),
    ...overrides,
  });
}

function previewMount(): HTMLElement {
  const host = screen.getByTestId('survey-preview');
  const mount = host.shadowRoot?.querySelector('.inapp');
  if (!mount) throw new Error('no preview');
  return mount as HTMLElement;
}

describe('SurveyEditor', () => {
  beforeEach(() => {
    window.location.hash = '#/surveys/new';
  });
  afterEach(() => cleanup());

  it('builds questions with options, logic and a follow-up, and posts them', async () => {
    const createSurvey = vi.fn(async (input: CreateSurveyInput) => ({ ...saved, ...input, id: 'sv_new' }) as Survey);
    render(<SurveyEditor api={api({ createSurvey })} id={null} agents={agents} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'Pulse' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Post in the centre' }));

    // Question 1 is an NPS question from the start: promoters go straight to the end.
    expect(screen.getByLabelText('Type of question 1')).toHaveProperty('value', 'nps');
    fireEvent.click(screen.getByRole('button', { name: 'Add logic jump to question 1' }));
    fireEvent.change(screen.getByLabelText('If answer of question 1, jump 1'), { target: { value: 'gte' } });
    fireEvent.change(screen.getByLabelText('Value of question 1, jump 1'), { target: { value: '9' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Type of question 2')));
    fireEvent.change(screen.getByLabelText('Type of question 2'), { target: { value: 'multi' } });
    expect(screen.getByLabelText('Text of question 2')).toHaveProperty('value', 'What do you use us for?');
    fireEvent.input(screen.getByLabelText('Option 1 of question 2'), { target: { value: 'Speed' } });
    fireEvent.input(screen.getByLabelText('Option 2 of question 2'), { target: { value: 'Price' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add option to question 2' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Option 3 of question 2')));
    fireEvent.input(screen.getByLabelText('Option 3 of question 2'), { target: { value: 'Docs' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Allow “Other” (question 2)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Required (question 2)' }));
    // The jump of question 1 can now aim at question 2.
    fireEvent.change(screen.getByLabelText('Go to of question 1, jump 1'), { target: { value: 'end' } });

    fireEvent.input(screen.getByLabelText('Thank-you title'), { target: { value: 'Thanks!' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add follow-up' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('When question of follow-up 1')));
    expect(screen.getByLabelText('Answer of follow-up 1')).toHaveProperty('value', 'lte');
    fireEvent.input(screen.getByLabelText('Message of follow-up 1'), { target: { value: 'Sorry! What went wrong?' } });
    fireEvent.change(screen.getByLabelText('Assigned to of follow-up 1'), { target: { value: 'a2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add trait to follow-up 1' }));
    fireEvent.input(screen.getByLabelText('Trait 1 key of follow-up 1'), { target: { value: 'detractor' } });
    fireEvent.input(screen.getByLabelText('Trait 1 value of follow-up 1'), { target: { value: 'true' } });
    fireEvent.input(screen.getByLabelText('Tags to add of follow-up 1'), { target: { value: 'detractor, , follow up ' } });

    fireEvent.input(screen.getByLabelText('Show to % of matching contacts'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Live' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Survey created.')).toBeTruthy());
    expect(createSurvey).toHaveBeenCalledWith({
      name: 'Pulse',
      questions: [
        { id: 'q1', type: 'nps', text: 'How likely are you to recommend us to a friend or colleague?', logic: [{ if: { op: 'gte', value: 9 }, goto: 'end' }] },
        { id: 'q2', type: 'multi', text: 'What do you use us for?', required: false, options: ['Speed', 'Price', 'Docs'], allow_other: true },
      ],
      thank_you: { title: 'Thanks!', body: '' },
      display: 'post',
      audience: null,
      trigger: { on: 'immediate' },
      frequency: null,
      schedule: null,
      sample_pct: 50,
      follow_up: [{ question: 'q1', if: { op: 'lte', value: 6 }, open_conversation: { body: 'Sorry! What went wrong?', assignee_id: 'a2' }, set_traits: { detractor: true }, add_tags: ['detractor', 'follow up'] }],
      priority: 0,
      status: 'live',
    });
    expect(window.location.hash).toBe('#/surveys/sv_new');
    expect(screen.getByRole('link', { name: 'Results' }).getAttribute('href')).toBe('#/surveys/sv_new/results');
  });

  it('previews the question being edited with the widget’s own view', async () => {
    render(<SurveyEditor api={api()} id={null} agents={agents} />);
    fireEvent.input(await screen.findByLabelText('Text of question 1'), { target: { value: 'Would you recommend {{workspace.name}}?' } });
    const mount = previewMount();
    expect(mount.style.getPropertyValue('--brand')).toBe('#0f766e');
    await waitFor(() => expect(mount.textContent).toContain('Would you recommend Acme?'));
    expect(mount.querySelector('.ps-survey.pm-preview')).toBeTruthy();
    expect(within(mount as unknown as HTMLElement).getAllByRole('radio')).toHaveLength(11);

    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    fireEvent.input(screen.getByLabelText('Text of question 2'), { target: { value: 'Tell us more' } });
    fireEvent.focusIn(screen.getByLabelText('Text of question 2'));
    await waitFor(() => expect(previewMount().textContent).toContain('Tell us more'));
    expect(screen.getByLabelText('Showing')).toHaveProperty('value', '1');

    fireEvent.change(screen.getByLabelText('Showing'), { target: { value: '2' } });
    await waitFor(() => expect(previewMount().textContent).toContain('Thank you!'));
  });

  it('names problems on their question and focuses the first, sending nothing', async () => {
    const createSurvey = vi.fn();
    render(<SurveyEditor api={api({ createSurvey })} id={null} agents={agents} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'Choices' } });
    fireEvent.change(screen.getByLabelText('Type of question 1'), { target: { value: 'single' } });
    fireEvent.input(screen.getByLabelText('Option 1 of question 1'), { target: { value: 'Yes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Some fields need your attention.');
    const empty = screen.getByLabelText('Option 2 of question 1');
    await waitFor(() => expect(empty.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(empty.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Add at least two options.');
    await waitFor(() => expect(document.activeElement).toBe(empty));
    expect(createSurvey).not.toHaveBeenCalled();
  });

  it('moves a question on a saved survey and PATCHes only the questions; links to the results', async () => {
    const updateSurvey = vi.fn(async (_id: string, patch: UpdateSurveyInput) => ({ ...saved, ...patch }) as Survey);
    render(<SurveyEditor api={api({ getSurvey: async () => saved, updateSurvey })} id="sv_1" agents={agents} />);
    expect((await screen.findByRole('link', { name: 'Results' })).getAttribute('href')).toBe('#/surveys/sv_1/results');
    fireEvent.click(screen.getByRole('button', { name: 'Move up question 2' }));
    expect(screen.getByText('Question moved to position 1.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down question 1' })));
    expect(screen.getByLabelText('Text of question 1')).toHaveProperty('value', 'Why?');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Survey saved.')).toBeTruthy());
    expect(updateSurvey).toHaveBeenCalledWith('sv_1', { questions: [saved.questions[1], saved.questions[0]] });
  });
});
