// @vitest-environment happy-dom
/** The tour editor against a fake API: steps built, moved, removed and sent; errors on their step; the live preview. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateTourInput, Tour, UpdateTourInput } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { tour, workspaceSettings } from '../../test-support/fixtures.js';
import { TourEditor } from './TourEditor.js';

const savedTour = tour();

function tourApi(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    listSegments: async () => ({ data: [], next_cursor: null }),
    getSettings: async () => workspaceSettings({ color: '#0f766e' }),
    ...overrides,
  });
}

/** The `.inapp` mount inside the preview's shadow root. */
function previewMount(): HTMLElement {
  const mount = screen.getByTestId('tour-preview').shadowRoot?.querySelector('.inapp');
  if (!mount) throw new Error('no preview');
  return mount as HTMLElement;
}

describe('TourEditor', () => {
  beforeEach(() => {
    window.location.hash = '#/tours/new';
  });
  afterEach(() => cleanup());

  it('builds a tour of two steps and posts it', async () => {
    const createTour = vi.fn(async (input: CreateTourInput) => ({ ...savedTour, ...input, id: 'tur_new' }) as Tour);
    render(<TourEditor api={tourApi({ createTour })} id={null} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'First run' } });
    expect(screen.getByText('No steps yet: start with a post that says what the tour shows.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add post' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Kind of step 1')));
    fireEvent.input(screen.getByLabelText('Title of step 1'), { target: { value: 'Welcome!' } });
    fireEvent.input(screen.getByLabelText('Body of step 1'), { target: { value: 'A **quick** look around.' } });
    // A post has no element.
    expect(screen.queryByLabelText('CSS selector of step 1')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add tooltip' }));
    fireEvent.input(screen.getByLabelText('Body of step 2'), { target: { value: 'Your reports live here.' } });
    fireEvent.input(screen.getByLabelText('CSS selector of step 2'), { target: { value: '#nav-reports' } });
    fireEvent.change(screen.getByLabelText('Card placement of step 2'), { target: { value: 'end' } });
    fireEvent.change(screen.getByLabelText('Next step on of step 2'), { target: { value: 'click' } });
    fireEvent.input(screen.getByLabelText('Wait for the element (ms) of step 2'), { target: { value: '8000' } });
    fireEvent.change(screen.getByLabelText('If it never appears of step 2'), { target: { value: 'skip' } });
    fireEvent.input(screen.getByLabelText('Page of step 2'), { target: { value: '/reports/*' } });
    fireEvent.input(screen.getByLabelText('Image URL of step 2'), { target: { value: 'https://cdn.example.com/reports.png' } });

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'page' } });
    fireEvent.input(screen.getByLabelText('Page'), { target: { value: '/dashboard' } });
    fireEvent.input(screen.getByLabelText('Priority'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Live' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Tour created.')).toBeTruthy());
    expect(createTour).toHaveBeenCalledWith({
      name: 'First run',
      steps: [
        { id: 'step-1', kind: 'post', title: 'Welcome!', body: 'A **quick** look around.' },
        {
          id: 'step-2',
          kind: 'tooltip',
          body: 'Your reports live here.',
          image_url: 'https://cdn.example.com/reports.png',
          selector: '#nav-reports',
          placement: 'end',
          advance: 'click',
          wait_ms: 8000,
          if_missing: 'skip',
          page: '/reports/*',
        },
      ],
      audience: null,
      trigger: { on: 'page', page: '/dashboard' },
      frequency: null,
      schedule: null,
      priority: 7,
      status: 'live',
    });
    expect(window.location.hash).toBe('#/tours/tur_new');
    expect(screen.getByRole('link', { name: 'Stats' }).getAttribute('href')).toBe('#/tours/tur_new/stats');
  });

  it('moves and removes steps of a saved tour and PATCHes only the steps', async () => {
    const updateTour = vi.fn(async (_id: string, patch: UpdateTourInput) => ({ ...savedTour, ...patch }) as Tour);
    render(<TourEditor api={tourApi({ getTour: async () => savedTour, updateTour })} id="tur_1" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Onboarding' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move up step 1' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Move up step 3' }));
    expect(screen.getByText('Step moved to position 2.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move up step 2' })));
    expect(screen.getByLabelText('Body of step 2')).toHaveProperty('value', 'Export any report as CSV.');

    fireEvent.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(screen.getByText('Step 1 removed.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add post' })));
    expect(screen.queryByLabelText('Body of step 3')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Tour saved.')).toBeTruthy());
    expect(updateTour).toHaveBeenCalledWith('tur_1', { steps: [savedTour.steps[2], savedTour.steps[1]] });
  });

  it('names each problem on its step, focuses the first and sends nothing', async () => {
    const createTour = vi.fn();
    render(<TourEditor api={tourApi({ createTour })} id={null} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'Broken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Add at least one step.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add spotlight' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Some fields need your attention.');
    const body = screen.getByLabelText('Body of step 1');
    await waitFor(() => expect(body.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${body.id}-error`)?.textContent).toBe('Write a title or a body.');
    const selector = screen.getByLabelText('CSS selector of step 1');
    expect(selector.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${selector.id}-error`)?.textContent).toBe('A spotlight needs the CSS selector of its element.');
    await waitFor(() => expect(document.activeElement).toBe(body));
    expect(createTour).not.toHaveBeenCalled();

    // Switched to a post, the step needs no element.
    fireEvent.change(screen.getByLabelText('Kind of step 1'), { target: { value: 'post' } });
    fireEvent.input(body, { target: { value: 'Hello' } });
    expect(screen.queryByLabelText('CSS selector of step 1')).toBeNull();
  });

  it('shows the server’s refusal on the step and field it names', async () => {
    const createTour = vi.fn(async () => {
      throw new ApiError(400, 'validation_failed', 'steps.0.image_url: an http(s) image URL');
    });
    render(<TourEditor api={tourApi({ createTour })} id={null} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'Tour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add post' }));
    fireEvent.input(screen.getByLabelText('Body of step 1'), { target: { value: 'Hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server refused a field: see below it.');
    const image = screen.getByLabelText('Image URL of step 1');
    await waitFor(() => expect(image.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${image.id}-error`)?.textContent).toBe('An http(s) image URL.');
  });

  it('previews the chosen step with the widget’s own view, follows edits, and walks with Next and Back', async () => {
    render(<TourEditor api={tourApi({ getTour: async () => savedTour })} id="tur_1" />);
    await screen.findByRole('heading', { level: 1, name: 'Onboarding' });
    const mount = previewMount();
    expect(mount.style.getPropertyValue('--brand')).toBe('#0f766e');
    const card = () => within(previewMount()).getByRole('dialog');
    expect(card().textContent).toContain('Welcome to Acme');
    expect(card().classList.contains('pt-post')).toBe(true);
    expect(card().textContent).toContain('Step 1 of 3');

    // Editing a step shows it, as typed, without taking focus from the field.
    const body = screen.getByLabelText('Body of step 2');
    body.focus();
    fireEvent.input(body, { target: { value: 'Your **reports** are here.' } });
    await waitFor(() => expect(card().textContent).toContain('Your reports are here.'));
    expect(card().querySelector('strong')?.textContent).toBe('reports');
    expect(card().textContent).toContain('Step 2 of 3');
    expect(screen.getByText('Step 2 of 3 · Tooltip, beside #nav-reports on your site.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(body));

    // "Preview" on a step shows it; the preview's own Next and Back move along.
    fireEvent.click(screen.getByRole('button', { name: 'Preview step 3' }));
    await waitFor(() => expect(card().textContent).toContain('Export any report as CSV.'));
    expect(screen.getByRole('button', { name: 'Preview step 3' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(card()).getByRole('button', { name: 'Done' })).toBeTruthy();
    fireEvent.click(within(card()).getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(card().textContent).toContain('Your reports are here.'));
    expect(screen.getByRole('button', { name: 'Preview step 2' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(card()).getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(card().textContent).toContain('Welcome to Acme'));
    expect(within(card()).queryByRole('button', { name: 'Back' })).toBeNull();
    fireEvent.click(within(card()).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(card().textContent).toContain('Step 2 of 3'));
  });
});
