// @vitest-environment happy-dom
/** The settings page against a fake API: what an admin sees and does, through accessible names. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateSettingsRequest, WorkspaceSettings } from '../../protocol/index.js';
import { DEFAULT_PRIVACY_SETTINGS } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { Settings } from './Settings.js';
import { Workspace } from './Workspace.js';

const saved: WorkspaceSettings = {
  appId: 'demo',
  name: 'Parley Demo',
  greeting: 'Hi there',
  color: '#4f46e5',
  launcherPosition: 'right',
  launcherOffset: 20,
  teamAvatars: [{ name: 'Ada', url: 'https://cdn.example/ada.png' }],
  allowedOrigins: ['http://localhost:*'],
  identityVerification: true,
  requireEmail: false,
  requireConsent: false,
  quietPages: ['/checkout/*'],
  surveyRecontactDays: 30,
  reassignOnOffline: false,
  businessHours: null,
  slaPolicy: null,
  awayMessage: null,
  teamServiceLevels: {},
  privacy: DEFAULT_PRIVACY_SETTINGS,
  snippet: '<script>\n!function(w,d,h){…}(window,document,"https://parley.example.com");\nMessenger.boot({ appId: "demo" });\n</script>',
};

function setup(options: { canEdit?: boolean; update?: (patch: UpdateSettingsRequest) => Promise<WorkspaceSettings> } = {}) {
  const updateSettings = vi.fn(options.update ?? (async (patch: UpdateSettingsRequest) => ({ ...saved, ...patch }) as WorkspaceSettings));
  const api = fakeApi({ getSettings: async () => saved, updateSettings });
  render(<Settings api={api} canEdit={options.canEdit ?? true} />);
  return { updateSettings };
}

/** The form's own live region (the snippet's "Copy" has another). */
const saveStatus = () => within(screen.getByRole('form', { name: 'Settings' })).getByRole('status');
const stage = () => document.querySelector<HTMLElement>('.preview__stage') as HTMLElement;

describe('Settings', () => {
  afterEach(() => cleanup());

  it('shows the saved settings in labelled fields, the preview in the brand colour, and the snippet', async () => {
    setup();
    expect((await screen.findByLabelText('Workspace name')) as HTMLInputElement).toHaveProperty('value', 'Parley Demo');
    expect(screen.getByLabelText('Greeting')).toHaveProperty('value', 'Hi there');
    expect(screen.getByLabelText('Brand colour')).toHaveProperty('value', '#4f46e5');
    expect(screen.getByLabelText('Brand colour hex code')).toHaveProperty('value', '#4f46e5');
    const position = screen.getByRole('group', { name: 'Launcher position' });
    expect(within(position).getByRole('radio', { name: 'Right' })).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Launcher offset')).toHaveProperty('value', '20');
    expect(screen.getByLabelText('Name of teammate 1')).toHaveProperty('value', 'Ada');
    expect(screen.getByLabelText('Image URL of teammate 1')).toHaveProperty('value', 'https://cdn.example/ada.png');
    expect(screen.getByLabelText('Allowed origins')).toHaveProperty('value', 'http://localhost:*');
    expect(screen.getByRole('checkbox', { name: 'Require identity verification' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Ask anonymous visitors for their email' })).toHaveProperty('checked', false);
    expect(screen.getByLabelText('Quiet pages')).toHaveProperty('value', '/checkout/*');
    expect(screen.getByLabelText('Survey recontact days')).toHaveProperty('value', '30');
    expect(screen.getByText(/Messenger\.boot\(\{ appId: "demo" \}\)/).closest('pre')).toBeTruthy();

    // The colour reaches the preview as a custom property set through the CSSOM, never a style="" in markup.
    expect(stage().style.getPropertyValue('--preview-brand')).toBe('#4f46e5');
    expect(stage().style.getPropertyValue('--preview-offset')).toBe('20px');
    expect(stage().querySelector('.preview__name')?.textContent).toBe('Parley Demo');
    expect(stage().querySelector('.preview__greeting')?.textContent).toBe('Hi there');
  });

  it('updates the preview live and saves only what changed', async () => {
    const { updateSettings } = setup();
    const name = await screen.findByLabelText('Workspace name');
    fireEvent.input(name, { target: { value: 'Acme' } });
    fireEvent.input(screen.getByLabelText('Brand colour hex code'), { target: { value: '#fde047' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Left' }));
    fireEvent.input(screen.getByLabelText('Launcher offset'), { target: { value: '48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add teammate' }));
    const newName = screen.getByLabelText('Name of teammate 2');
    await waitFor(() => expect(document.activeElement).toBe(newName));
    fireEvent.input(newName, { target: { value: 'Grace' } });
    fireEvent.input(screen.getByLabelText('Image URL of teammate 2'), { target: { value: 'https://cdn.example/grace.png' } });
    fireEvent.input(screen.getByLabelText('Allowed origins'), { target: { value: 'http://localhost:*\n\n https://app.example.com \n' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ask anonymous visitors for their email' }));
    fireEvent.input(screen.getByLabelText('Quiet pages'), { target: { value: '/checkout/*\n /settings/** \n' } });
    fireEvent.input(screen.getByLabelText('Survey recontact days'), { target: { value: '14' } });

    expect(stage().style.getPropertyValue('--preview-brand')).toBe('#fde047');
    expect(stage().style.getPropertyValue('--preview-brand-text')).toBe('#111827');
    expect(stage().style.getPropertyValue('--preview-offset')).toBe('48px');
    expect(stage().querySelector('.preview__messenger--left')).toBeTruthy();
    expect(Array.from(stage().querySelectorAll('img')).map((img) => img.getAttribute('alt'))).toEqual(['Ada', 'Grace']);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saveStatus().textContent).toBe('Settings saved.'));
    expect(updateSettings).toHaveBeenCalledWith({
      name: 'Acme',
      color: '#fde047',
      launcherPosition: 'left',
      launcherOffset: 48,
      teamAvatars: [
        { name: 'Ada', url: 'https://cdn.example/ada.png' },
        { name: 'Grace', url: 'https://cdn.example/grace.png' },
      ],
      allowedOrigins: ['http://localhost:*', 'https://app.example.com'],
      requireEmail: true,
      quietPages: ['/checkout/*', '/settings/**'],
      surveyRecontactDays: 14,
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('removes a teammate and moves focus to "Add teammate"', async () => {
    const { updateSettings } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove teammate 1' }));
    expect(screen.queryByLabelText('Name of teammate 1')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add teammate' })));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledWith({ teamAvatars: [] }));
  });

  it('shows the server refusal in an alert and marks the field invalid', async () => {
    setup({
      update: async () => {
        throw new ApiError(400, 'validation_failed', 'teamAvatars.0.url: must be an http(s) URL');
      },
    });
    // (The browser's own type=url check would stop some bad URLs first; the server is the one that decides.)
    fireEvent.input(await screen.findByLabelText('Image URL of teammate 1'), { target: { value: 'ftp://cdn.example/ada.png' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Team avatars, teammate 1, image URL: must be an http(s) URL');
    const url = screen.getByLabelText('Image URL of teammate 1');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toBe(alert.id);
    expect(saveStatus().textContent).toBe('');
  });

  it('names the refused origin', async () => {
    setup({
      update: async () => {
        throw new ApiError(400, 'validation_failed', 'allowedOrigins.1: must be an origin like https://app.example.com');
      },
    });
    fireEvent.input(await screen.findByLabelText('Allowed origins'), { target: { value: 'http://localhost:*\n\napp.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Allowed origins (“app.example.com”): must be an origin like https://app.example.com',
    );
    expect(screen.getByLabelText('Allowed origins').getAttribute('aria-invalid')).toBe('true');
  });

  it('marks a refused quiet page', async () => {
    setup({
      update: async () => {
        throw new ApiError(400, 'validation_failed', 'quietPages.0: Too small: expected string to have >=1 characters');
      },
    });
    fireEvent.input(await screen.findByLabelText('Quiet pages'), { target: { value: '/a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Quiet pages (“/a”): Too small: expected string to have >=1 characters');
    const field = screen.getByLabelText('Quiet pages');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('warns when no origin is listed', async () => {
    setup();
    fireEvent.input(await screen.findByLabelText('Allowed origins'), { target: { value: '  \n' } });
    expect(screen.getByText('With no origins listed, any website can load your messenger.')).toBeTruthy();
  });

  it('says when there is nothing to save', async () => {
    const { updateSettings } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(saveStatus().textContent).toBe('No changes to save.');
    expect(updateSettings).not.toHaveBeenCalled();
  });

  it('is read-only for agents who are not admins', async () => {
    setup({ canEdit: false });
    expect(await screen.findByText('Only admins can change these settings.')).toBeTruthy();
    // Every control sits in one disabled fieldset (happy-dom doesn't apply :disabled through it; browsers do).
    const fields = screen.getByRole('group', { name: 'Messenger settings' }) as HTMLFieldSetElement;
    expect(fields.disabled).toBe(true);
    expect(fields.contains(screen.getByLabelText('Workspace name'))).toBe(true);
    expect(fields.contains(screen.getByRole('button', { name: 'Add teammate' }))).toBe(true);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    // The snippet stays usable.
    expect(screen.getByRole('button', { name: 'Copy' })).toHaveProperty('disabled', false);
  });

  it('copies the snippet and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByText('Snippet copied.')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(saved.snippet);
  });

  it('offers a retry when loading fails', async () => {
    let calls = 0;
    const api = fakeApi({
      getSettings: async () => {
        calls += 1;
        if (calls === 1) throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection.');
        return saved;
      },
    });
    render(<Settings api={api} canEdit />);
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot reach the server. Check your connection.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText('Workspace name')).toBeTruthy();
  });
});

describe('Settings in the workspace', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('is reached from the top bar and left through "Inbox"', async () => {
    const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const };
    const api = fakeApi({
      listConversations: async () => ({ data: [], next_cursor: null }),
      listAgents: async () => ({ data: [agent] }),
      getSettings: async () => saved,
    });
    const socket = new FakeAgentSocket();
    render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => socket.asAgentSocket()} />);
    const settingsLink = screen.getByRole('link', { name: 'Settings' });
    expect(settingsLink.getAttribute('href')).toBe('#/settings');
    expect(screen.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBe('page');

    await act(async () => {
      window.location.hash = '#/settings';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByLabelText('Workspace name')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(settingsLink.getAttribute('aria-current')).toBe('page');
    expect(screen.queryByText('Select a conversation')).toBeNull();

    await act(async () => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByText('Select a conversation')).toBeTruthy();
  });
});
