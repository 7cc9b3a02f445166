// @vitest-environment happy-dom
/** "Pick on your site" against a fake API and a fake picker tab: only the tab we opened, at its origin, can fill in a selector. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tour } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { PICKER_URL_KEY } from '../../state/element-picker.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { tour as tourOf } from '../../test-support/fixtures.js';
import { TourEditor } from './TourEditor.js';

const tour: Tour = tourOf({
  steps: [
    { id: 'welcome', kind: 'post', body: 'Hi' },
    { id: 'save', kind: 'tooltip', body: 'Save here.', selector: '#old', page: '/settings' },
  ],
});

function tourApi(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    listSegments: async () => ({ data: [], next_cursor: null }),
    getSettings: async () => {
      throw new Error('offline');
    },
    ...overrides,
  });
}

const SITE = 'https://app.example.com';

/** What `window.open` hands back: a stand-in for the site's tab. */
const pickerTab = { name: 'parley-picker' } as unknown as Window;

function post(data: unknown, from: { origin?: string; source?: unknown } = {}): void {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin: from.origin ?? SITE, source: (from.source ?? pickerTab) as Window }));
  });
}

describe('the element picker in the tour editor', () => {
  beforeEach(() => {
    window.location.hash = '#/tours/tur_1';
    window.localStorage.setItem(PICKER_URL_KEY, `${SITE}/dashboard`);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.localStorage.clear();
  });

  it('opens the step’s page with a picker link and takes the pick only from that tab, at that origin', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(pickerTab);
    const createPickerLink = vi.fn(async (url: string) => ({ url: `${url}#parley-picker=tok`, expires_at: '2025-03-04T12:10:00.000Z' }));
    render(<TourEditor api={tourApi({ getTour: async () => tour, createPickerLink })} id="tur_1" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Pick on your site for step 2' }));
    const url = screen.getByLabelText('Page to pick on for step 2');
    // The step's one page, on the site the picker was last opened on.
    expect(url).toHaveProperty('value', `${SITE}/settings`);
    await waitFor(() => expect(document.activeElement).toBe(url));

    fireEvent.click(screen.getByRole('button', { name: 'Open page' }));
    const status = await screen.findByText('Click the element on your site… (Esc there cancels)');
    expect(status.getAttribute('role')).toBe('status');
    expect(createPickerLink).toHaveBeenCalledWith(`${SITE}/settings`);
    expect(open).toHaveBeenCalledWith(`${SITE}/settings#parley-picker=tok`, 'parley-picker');
    expect(window.localStorage.getItem(PICKER_URL_KEY)).toBe(`${SITE}/settings`);

    const selector = screen.getByLabelText('CSS selector of step 2');
    const picked = { type: 'parley:picked', selector: '#save', label: 'Save changes' };
    post(picked, { origin: 'https://evil.example' });
    post(picked, { source: { name: 'another tab' } });
    post(picked, { source: window });
    post({ type: 'parley:picked', selector: 42, label: 'x' });
    post({ ...picked, selector: `#${'a'.repeat(300)}` });
    expect(selector).toHaveProperty('value', '#old');
    expect(screen.getByText('Click the element on your site… (Esc there cancels)')).toBeTruthy();

    post(picked);
    await waitFor(() => expect(selector).toHaveProperty('value', '#save'));
    await waitFor(() => expect(document.activeElement).toBe(selector));
    expect(screen.getByText('Picked “Save changes”.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('tour-preview').shadowRoot?.textContent).toContain('Save here.'));

    // Done: the listener is gone, a second answer changes nothing.
    post({ ...picked, selector: '#other' });
    expect(selector).toHaveProperty('value', '#save');
  });

  it('offers the last page for a wildcard page, says why it can’t open, and hears a cancel', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    let refuse = true;
    const createPickerLink = vi.fn(async (url: string) => {
      if (refuse) throw new ApiError(400, 'validation_failed', 'url: https://evil.example is not one of this workspace\'s allowed origins');
      return { url: `${url}#parley-picker=tok`, expires_at: '' };
    });
    const wildcard: Tour = { ...tour, steps: [{ ...tour.steps[1], page: '/settings/*' }] };
    render(<TourEditor api={tourApi({ getTour: async () => wildcard, createPickerLink })} id="tur_1" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Pick on your site for step 1' }));
    const url = screen.getByLabelText('Page to pick on for step 1');
    expect(url).toHaveProperty('value', `${SITE}/dashboard`);

    fireEvent.input(url, { target: { value: 'not a url' } });
    fireEvent.keyDown(url, { key: 'Enter' });
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${url.id}-error`)?.textContent).toMatch(/^Enter a full http\(s\) address/);
    expect(createPickerLink).not.toHaveBeenCalled();

    fireEvent.input(url, { target: { value: 'https://evil.example/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open page' }));
    await waitFor(() => expect(document.getElementById(`${url.id}-error`)?.textContent).toBe("Can’t pick there: https://evil.example is not one of this workspace's allowed origins."));
    expect(open).not.toHaveBeenCalled();

    refuse = false;
    fireEvent.input(url, { target: { value: `${SITE}/settings/profile` } });
    fireEvent.click(screen.getByRole('button', { name: 'Open page' }));
    await waitFor(() => expect(document.getElementById(`${url.id}-error`)?.textContent).toBe('Your browser blocked the new tab: allow pop-ups for the inbox, then try again.'));

    open.mockReturnValue(pickerTab);
    const removed = vi.spyOn(window, 'removeEventListener');
    fireEvent.click(screen.getByRole('button', { name: 'Open page' }));
    await screen.findByText('Click the element on your site… (Esc there cancels)');
    post({ type: 'parley:picker-cancelled' });
    expect(await screen.findByText('Picking was cancelled on your site.')).toBeTruthy();
    expect(removed).toHaveBeenCalledWith('message', expect.any(Function));
    expect(screen.getByLabelText('CSS selector of step 1')).toHaveProperty('value', '#old');
  });

  it('stops listening when the author stops picking or leaves the editor', async () => {
    vi.spyOn(window, 'open').mockReturnValue(pickerTab);
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const createPickerLink = vi.fn(async (url: string) => ({ url: `${url}#parley-picker=tok`, expires_at: '' }));
    const { unmount } = render(<TourEditor api={tourApi({ getTour: async () => tour, createPickerLink })} id="tur_1" />);
    const listeners = () => added.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    const unlisteners = () => removed.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);

    fireEvent.click(await screen.findByRole('button', { name: 'Pick on your site for step 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open page' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop picking for step 2' }));
    expect(await screen.findByText('Picking stopped.')).toBeTruthy();
    expect(listeners()).toHaveLength(1);
    expect(unlisteners()).toEqual(listeners());
    post({ type: 'parley:picked', selector: '#late', label: 'Late' });
    expect(screen.getByLabelText('CSS selector of step 2')).toHaveProperty('value', '#old');

    fireEvent.click(screen.getByRole('button', { name: 'Pick on your site for step 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open page' }));
    await screen.findByText('Click the element on your site… (Esc there cancels)');
    expect(listeners()).toHaveLength(2);
    unmount();
    expect(unlisteners()).toEqual(listeners());
  });
});
