// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { InAppMessage, MessageStats } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { MessagesTable } from './MessagesTable.js';

function message(id: string, name: string, overrides: Partial<InAppMessage> = {}): InAppMessage {
  return {
    id,
    name,
    format: 'post',
    body: '',
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
    created_at: '',
    updated_at: '',
    ...overrides,
  };
}

const stats: Record<string, MessageStats> = {
  m1: { sent: 1500, shown: 1000, opened: 0, clicked: 125, dismissed: 0, replied: 0, goal_reached: 30, ctr: 0.125, goal_rate: 0.02 },
};

describe('MessagesTable', () => {
  afterEach(() => cleanup());

  it('lists messages with format, status and stats, and links to each editor and to "New message"', async () => {
    const api = fakeApi({
      listInAppMessages: async () => ({ data: [message('m1', 'Welcome', { format: 'modal', status: 'live' }), message('m2', 'Tip')], next_cursor: null }),
      getMessageStats: async (id) => {
        if (!stats[id]) throw new ApiError(500, 'internal', 'boom');
        return stats[id];
      },
    });
    render(<MessagesTable api={api} />);
    const link = await screen.findByRole('link', { name: 'Welcome' });
    expect(link.getAttribute('href')).toBe('#/messages/m1');
    expect(screen.getByRole('link', { name: 'New message' }).getAttribute('href')).toBe('#/messages/new');
    const table = screen.getByRole('table', { name: 'Messages' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Format', 'Status', 'Sent', 'Shown', 'Clicked', 'CTR', 'Goal rate']);
    const welcome = within(table).getAllByRole('row')[1];
    await waitFor(() => expect(within(welcome).getByText('1,500')).toBeTruthy());
    expect(welcome.textContent).toBe('WelcomeModalLive1,5001,00012512.5%2%');
    // A message whose stats failed shows dashes, not an error page.
    const tip = within(table).getAllByRole('row')[2];
    expect(tip.textContent).toBe('TipPostDraft—————');
  });

  it('says when there are no messages yet', async () => {
    render(<MessagesTable api={fakeApi({ listInAppMessages: async () => ({ data: [], next_cursor: null }) })} />);
    expect(await screen.findByText('No in-app messages yet')).toBeTruthy();
  });
});
