// @vitest-environment happy-dom
/** The message editor against a fake API: what an admin fills in, what is sent, what the preview and stats show. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateMessageInput, InAppMessage, MessageStats, UpdateMessageInput } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { workspaceSettings } from '../../test-support/fixtures.js';
import { MessageEditor } from './MessageEditor.js';

const agents = [
  { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const },
  { id: 'a2', email: 'grace@example.com', name: 'Grace Hopper', role: 'agent' as const },
];

const settings = workspaceSettings({ name: 'Acme', color: '#0f766e' });

function stored(input: Partial<InAppMessage>): InAppMessage {
  return {
    id: 'msg_1',
    name: 'Welcome',
    format: 'post',
    body: 'Hello',
    audience: null,
    trigger: { on: 'immediate' },
    frequency: null,
    goal: null,
    schedule: null,
    priority: 0,
    status: 'draft',
    sender_id: null,
    position: null,
    dismissible: true,
    button: null,
    image_url: null,
    selector: null,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...input,
  };
}

const stats: MessageStats = { sent: 1200, shown: 800, opened: 300, clicked: 100, dismissed: 50, replied: 7, goal_reached: 12, ctr: 0.125, goal_rate: 0.01 };

function setup(options: { id?: string; message?: InAppMessage; create?: (input: CreateMessageInput) => Promise<InAppMessage> } = {}) {
  const createInAppMessage = vi.fn(options.create ?? (async (input: CreateMessageInput) => stored({ ...input, id: 'msg_new' } as Partial<InAppMessage>)));
  const updateInAppMessage = vi.fn(async (_id: string, patch: UpdateMessageInput) => ({ ...(options.message as InAppMessage), ...patch }) as InAppMessage);
  const deleteInAppMessage = vi.fn(async () => undefined);
  const getMessageStats = vi.fn(async () => stats);
  const api = fakeApi({
    getInAppMessage: async () => options.message as InAppMessage,
    createInAppMessage,
    updateInAppMessage,
    deleteInAppMessage,
    getMessageStats,
    listSegments: async () => ({ data: [{ id: 'seg_1', name: 'Pro users', rule: { all: [] }, created_at: '', updated_at: '' }], next_cursor: null }),
    getSettings: async () => settings,
  });
  render(<MessageEditor api={api} id={options.id ?? null} agents={agents} agentId="a1" />);
  return { createInAppMessage, updateInAppMessage, deleteInAppMessage, getMessageStats };
}

/** The preview's rendered message, inside its shadow root. */
function previewRoot(): ShadowRoot {
  const host = screen.getByTestId('message-preview');
  if (!host.shadowRoot) throw new Error('no shadow root');
  return host.shadowRoot;
}

describe('MessageEditor', () => {
  beforeEach(() => {
    window.location.hash = '#/messages/new';
  });
  afterEach(() => cleanup());

  it('posts every field a new modal message was given', async () => {
    const { createInAppMessage } = setup();
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'Upgrade nudge' } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'modal' } });
    fireEvent.input(screen.getByLabelText('Body'), { target: { value: '# Hi {{user.first_name | fallback: "there"}}' } });
    fireEvent.input(screen.getByLabelText('Image URL'), { target: { value: 'https://cdn.example.com/hero.png' } });
    fireEvent.input(screen.getByLabelText('Button label'), { target: { value: 'Upgrade' } });
    fireEvent.input(screen.getByLabelText('Button URL'), { target: { value: 'https://example.com/upgrade' } });

    const audience = screen.getByRole('group', { name: 'Audience' });
    fireEvent.click(within(audience).getByRole('button', { name: 'Add condition' }));
    fireEvent.input(screen.getByLabelText('Attribute of condition 1'), { target: { value: 'plan' } });
    fireEvent.input(screen.getByLabelText('Value of condition 1'), { target: { value: 'free' } });

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'page' } });
    fireEvent.input(screen.getByLabelText('Page'), { target: { value: '/billing/*' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Up to N times' }));
    fireEvent.input(screen.getByLabelText('Times per contact'), { target: { value: '2' } });
    fireEvent.input(screen.getByLabelText('Days between sends'), { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText('Goal event'), { target: { value: 'upgraded' } });
    fireEvent.input(screen.getByLabelText('Goal within days'), { target: { value: '14' } });
    fireEvent.input(screen.getByLabelText('Priority'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Live' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Message created.')).toBeTruthy());
    expect(createInAppMessage).toHaveBeenCalledWith({
      name: 'Upgrade nudge',
      format: 'modal',
      body: '# Hi {{user.first_name | fallback: "there"}}',
      audience: { all: [{ attr: 'plan', op: 'eq', value: 'free' }] },
      trigger: { on: 'page', page: '/billing/*' },
      frequency: { max_per_contact: 2, every_days: 3 },
      goal: { event: 'upgraded', within_days: 14 },
      schedule: null,
      priority: 10,
      status: 'live',
      sender_id: null,
      position: null,
      dismissible: true,
      button: { label: 'Upgrade', url: 'https://example.com/upgrade' },
      image_url: 'https://cdn.example.com/hero.png',
      selector: null,
    });
    // The new message has an address now, and the stats of a saved message appear.
    expect(window.location.hash).toBe('#/messages/msg_new');
    expect(await screen.findByRole('region', { name: 'Stats' })).toBeTruthy();
  });

  it('renders the live preview with the widget’s view, personalised for the sample contact', async () => {
    setup();
    fireEvent.input(await screen.findByLabelText('Body'), { target: { value: 'Hi {{user.first_name | fallback: "there"}}!' } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'chat' } });
    fireEvent.change(screen.getByLabelText('Send as'), { target: { value: 'a2' } });
    const root = previewRoot();
    const mount = root.querySelector('.inapp') as HTMLElement;
    expect(mount.style.getPropertyValue('--brand')).toBe('#0f766e');
    await waitFor(() => expect(mount.textContent).toContain('Hi Ada!'));
    expect(mount.querySelector('.pm-chat.pm-preview')).toBeTruthy();
    expect(mount.textContent).toContain('Grace Hopper');

    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'banner' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Bottom' }));
    await waitFor(() => expect(mount.querySelector('.pm-banner.pm-banner-bottom.pm-preview')).toBeTruthy());
    expect(screen.getByTestId('message-preview').parentElement?.className).toContain('message-preview__page--banner-bottom');
  });

  it('shows field errors from the schema before sending anything, and focuses the first', async () => {
    const { createInAppMessage } = setup();
    fireEvent.change(await screen.findByLabelText('Format'), { target: { value: 'tooltip' } });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'event' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Some fields need your attention.');
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toBe('Give the message a name.');
    expect(screen.getByText('A tooltip needs the CSS selector of the element it points at.')).toBeTruthy();
    expect(screen.getByText('Name the event that shows it.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(createInAppMessage).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal under its field', async () => {
    setup({
      create: async () => {
        throw new ApiError(400, 'validation_failed', 'button.url: an http(s) or mailto: link');
      },
    });
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.input(screen.getByLabelText('Button label'), { target: { value: 'Go' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server refused a field: see below it.');
    const url = screen.getByLabelText('Button URL');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('An http(s) or mailto: link.')).toBeTruthy();
  });

  it('patches only what changed on a saved message, shows its stats, and deletes after confirming', async () => {
    const message = stored({ format: 'chat', sender_id: 'a1', status: 'live' });
    const { updateInAppMessage, deleteInAppMessage } = setup({ id: 'msg_1', message });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome' })).toBeTruthy();
    const stats = await screen.findByRole('region', { name: 'Stats' });
    await waitFor(() => expect(within(stats).getByText('1,200')).toBeTruthy());
    for (const label of ['Sent', 'Shown', 'Opened', 'Clicked', 'Dismissed', 'Replied', 'Goal reached', 'CTR', 'Goal rate']) {
      expect(within(stats).getByText(label)).toBeTruthy();
    }
    expect(within(stats).getByText('12.5%')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Send as'), { target: { value: 'a2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Message saved.')).toBeTruthy());
    expect(updateInAppMessage).toHaveBeenCalledWith('msg_1', { sender_id: 'a2' });

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete this message? This cannot be undone.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete message' }));
    await waitFor(() => expect(deleteInAppMessage).toHaveBeenCalledWith('msg_1'));
    await waitFor(() => expect(window.location.hash).toBe('#/messages'));
  });

  it('refreshes the stats every 10 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { getMessageStats } = setup({ id: 'msg_1', message: stored({}) });
      await screen.findByRole('region', { name: 'Stats' });
      await waitFor(() => expect(getMessageStats).toHaveBeenCalledTimes(1));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(getMessageStats).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
