// @vitest-environment happy-dom
/**
 * Settings › Webhooks against a fake API: adding one (checked before sending,
 * the server's SSRF refusal shown on the URL), the secret shown once with a
 * copy button, enable/disable, "Send test", rotate, the delivery log with
 * retry and paging, delete, and the page for agents who are not admins.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentProfile, Webhook, WebhookDelivery, WebhookWithSecret } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import type { CreateWebhookRequest } from '../../api/webhook-endpoints.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { SettingsScreen } from './SettingsScreen.js';

const admin: AgentProfile = { id: 'a1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'admin' };

function webhook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: 'wh_1',
    url: 'https://crm.example.com/parley',
    events: ['conversation.created', 'message.created'],
    description: 'CRM sync',
    enabled: true,
    disabled_reason: null,
    failing_since: null,
    created_at: '2026-01-02T10:00:00.000Z',
    updated_at: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'whd_1',
    webhook_id: 'wh_1',
    event_id: 'evt_1',
    event_type: 'message.created',
    status: 'succeeded',
    attempts: 1,
    next_attempt_at: null,
    last_attempt_at: '2026-01-02T10:05:00.000Z',
    last_status_code: 200,
    last_error: null,
    last_response_ms: 84,
    history: [],
    payload: { id: 'evt_1', type: 'message.created', created_at: '2026-01-02T10:05:00.000Z', workspace_id: 'ws_1', data: {} },
    created_at: '2026-01-02T10:05:00.000Z',
    updated_at: '2026-01-02T10:05:00.000Z',
    ...overrides,
  };
}

function setup(hooks: Webhook[] = [webhook()], overrides: Parameters<typeof fakeApi>[0] = {}, agent: AgentProfile = admin) {
  const listWebhooks = vi.fn(async () => ({ data: hooks, next_cursor: null }));
  const api = fakeApi({ listWebhooks, ...overrides });
  render(<SettingsScreen page="webhooks" api={api} canEdit={agent.role === 'admin'} agent={agent} />);
  return { listWebhooks };
}

const card = (url: string) => screen.getByRole('article', { name: url });

describe('Settings: webhooks', () => {
  afterEach(() => cleanup());

  it('adds a webhook: checks the form, shows the server’s refusal on the URL, then the secret once with a copy button', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const created: WebhookWithSecret = { ...webhook({ id: 'wh_2', url: 'https://hooks.example.com/in', events: ['contact.created'], description: null }), secret: 'whsec_shown_once' };
    const createWebhook = vi
      .fn(async (_input: CreateWebhookRequest): Promise<WebhookWithSecret> => created)
      .mockRejectedValueOnce(new ApiError(400, 'validation_failed', 'url: 127.0.0.1, a loopback address (set WEBHOOK_ALLOW_PRIVATE=1 to allow private targets)'));
    setup([], { createWebhook });

    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    const form = screen.getByRole('form', { name: 'New webhook' });
    const url = within(form).getByLabelText('Endpoint URL');
    expect(document.activeElement).toBe(url);
    fireEvent.click(within(form).getByRole('button', { name: 'Add webhook' }));
    expect(within(form).getByText('Enter the URL of your endpoint.')).toBeTruthy();
    expect(within(form).getByText('Choose at least one event.')).toBeTruthy();
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(createWebhook).not.toHaveBeenCalled();

    fireEvent.input(url, { target: { value: 'http://127.0.0.1:9000/hook' } });
    fireEvent.click(within(within(form).getByRole('group', { name: 'Events' })).getByRole('checkbox', { name: /Contact created/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(within(form).getByText(/^127\.0\.0\.1, a loopback address/)).toBeTruthy());
    expect(url.getAttribute('aria-describedby')).toContain(within(form).getByText(/^127\.0\.0\.1, a loopback address/).id);

    fireEvent.input(url, { target: { value: ' https://hooks.example.com/in ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(createWebhook).toHaveBeenLastCalledWith({ url: 'https://hooks.example.com/in', events: ['contact.created'], description: null }));

    const notice = await screen.findByRole('region', { name: 'Webhook added: its signing secret' });
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(within(notice).getByText('whsec_shown_once')).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Copy secret' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('whsec_shown_once'));
    expect(within(notice).getByText('Secret copied.')).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'I have saved it' }));

    expect(screen.queryByText('whsec_shown_once')).toBeNull();
    const added = card('https://hooks.example.com/in');
    await waitFor(() => expect(document.activeElement).toBe(within(added).getByRole('button', { name: 'Edit https://hooks.example.com/in' })));
  });

  it('disables, sends a test, and rotates the secret after asking', async () => {
    const hook = webhook();
    const updateWebhook = vi.fn(async (_id: string, patch: { enabled?: boolean }) => ({ ...hook, enabled: patch.enabled ?? hook.enabled }));
    const sendWebhookTest = vi.fn(async () => delivery({ event_type: 'ping', last_status_code: 204, last_response_ms: 31 }));
    const rotateWebhookSecret = vi.fn(async (): Promise<WebhookWithSecret> => ({ ...hook, secret: 'whsec_new_one' }));
    setup([hook], { updateWebhook, sendWebhookTest, rotateWebhookSecret });
    const item = await screen.findByRole('article', { name: hook.url });
    expect(item.textContent).toContain('Enabled');
    expect(item.textContent).toContain('CRM sync');

    fireEvent.click(within(item).getByRole('button', { name: `Disable ${hook.url}` }));
    await waitFor(() => expect(updateWebhook).toHaveBeenCalledWith('wh_1', { enabled: false }));
    await waitFor(() => expect(within(card(hook.url)).getByRole('button', { name: `Enable ${hook.url}` })).toBeTruthy());
    expect(screen.getByText('Webhook disabled.')).toBeTruthy();

    fireEvent.click(within(card(hook.url)).getByRole('button', { name: `Send test to ${hook.url}` }));
    await waitFor(() => expect(screen.getByText('Test delivered: HTTP 204 in 31 ms.')).toBeTruthy());

    fireEvent.click(within(card(hook.url)).getByRole('button', { name: `Rotate secret ${hook.url}` }));
    const confirm = within(card(hook.url)).getByRole('button', { name: 'Make a new secret' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(within(card(hook.url)).getByRole('button', { name: 'Cancel' }));
    expect(rotateWebhookSecret).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(within(card(hook.url)).getByRole('button', { name: `Rotate secret ${hook.url}` })));
    fireEvent.click(within(card(hook.url)).getByRole('button', { name: `Rotate secret ${hook.url}` }));
    fireEvent.click(within(card(hook.url)).getByRole('button', { name: 'Make a new secret' }));
    const notice = await screen.findByRole('region', { name: 'New signing secret' });
    expect(within(notice).getByText('whsec_new_one')).toBeTruthy();
    expect(notice.textContent).toContain('the old secret no longer signs');
  });

  it('shows the delivery log with codes, times and attempts, retries a delivery and pages', async () => {
    const failed = delivery({ id: 'whd_2', status: 'pending', attempts: 2, last_status_code: 500, last_error: 'HTTP 500', last_response_ms: 12, next_attempt_at: '2026-01-02T10:15:00.000Z' });
    const reset = delivery({ id: 'whd_3', event_type: 'conversation.created', status: 'failed', attempts: 8, last_status_code: null, last_error: 'connection reset', last_response_ms: 3 });
    const older = delivery({ id: 'whd_0', event_type: 'conversation.created' });
    const listWebhookDeliveries = vi.fn(async (_id: string, cursor?: string | null) => (cursor ? { data: [older], next_cursor: null } : { data: [failed, reset], next_cursor: 'page-2' }));
    const retryWebhookDelivery = vi.fn(async () => ({ ...failed, status: 'succeeded' as const, attempts: 3, last_status_code: 200, last_error: null, last_response_ms: 40, next_attempt_at: null }));
    setup([webhook()], { listWebhookDeliveries, retryWebhookDelivery });
    const item = await screen.findByRole('article', { name: 'https://crm.example.com/parley' });
    const toggle = within(item).getByRole('button', { name: 'Deliveries https://crm.example.com/parley' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const table = await within(item).findByRole('table', { name: 'Deliveries, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Status, response, time, attempts (the last cell is the Retry button).
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, -1).map((c) => c.textContent))).toEqual([
      ['Retrying', 'HTTP 500 in 12 ms', expect.stringMatching(/2026/), '2'],
      ['Failed', 'connection reset', expect.stringMatching(/2026/), '8'],
    ]);
    expect(within(rows[1]).getByRole('rowheader').textContent).toBe('conversation.created');

    fireEvent.click(within(rows[0]).getByRole('button', { name: 'Retry message.created delivery' }));
    await waitFor(() => expect(retryWebhookDelivery).toHaveBeenCalledWith('wh_1', 'whd_2'));
    await waitFor(() => expect(within(table).getAllByRole('row')[1].textContent).toContain('HTTP 200 in 40 ms'));
    expect(screen.getByText('Retried message.created: delivered, HTTP 200 in 40 ms.')).toBeTruthy();

    fireEvent.click(within(item).getByRole('button', { name: 'Load more deliveries' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(listWebhookDeliveries).toHaveBeenLastCalledWith('wh_1', 'page-2');
    expect(within(item).queryByRole('button', { name: 'Load more deliveries' })).toBeNull();
  });

  it('edits and deletes a webhook after confirming', async () => {
    const hook = webhook();
    const updateWebhook = vi.fn(async (_id: string, patch: Partial<Webhook>) => ({ ...hook, ...patch }));
    const deleteWebhook = vi.fn(async () => undefined);
    setup([hook], { updateWebhook, deleteWebhook });
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${hook.url}` }));
    const form = screen.getByRole('form', { name: `Edit webhook ${hook.url}` });
    fireEvent.click(within(form).getByRole('checkbox', { name: /New message/ }));
    fireEvent.input(within(form).getByLabelText('Description (optional)'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save webhook' }));
    await waitFor(() => expect(updateWebhook).toHaveBeenCalledWith('wh_1', { events: ['conversation.created'], description: null }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `Edit ${hook.url}` })));

    fireEvent.click(within(card(hook.url)).getByRole('button', { name: `Delete ${hook.url}` }));
    fireEvent.click(within(card(hook.url)).getByRole('button', { name: 'Delete webhook' }));
    await waitFor(() => expect(deleteWebhook).toHaveBeenCalledWith('wh_1'));
    await waitFor(() => expect(screen.queryByRole('article', { name: hook.url })).toBeNull());
    expect(screen.getByText('Webhook deleted.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add webhook' })));
  });

  it('tells a subscription the server turned off, and agents who are not admins that webhooks are for admins', async () => {
    setup([webhook({ enabled: false, disabled_reason: 'failing', failing_since: '2026-01-01T00:00:00.000Z' })]);
    expect((await screen.findByRole('article', { name: 'https://crm.example.com/parley' })).textContent).toContain('Disabled: kept failing');
    cleanup();

    const { listWebhooks } = setup([webhook()], {}, { ...admin, role: 'agent' });
    expect(screen.getByText('Only admins can see and change webhooks.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add webhook' })).toBeNull();
    expect(listWebhooks).not.toHaveBeenCalled();
  });
});
