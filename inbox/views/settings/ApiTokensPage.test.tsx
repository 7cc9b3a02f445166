// @vitest-environment happy-dom
/** Settings → API tokens against a fake API: listed without values, created with scopes and shown once, revoked after asking, admins only. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { agentProfile } from '../../test-support/team-fixtures.js';
import { SettingsScreen } from './SettingsScreen.js';

const admin = agentProfile({ id: 'a1', name: 'Ada Lovelace' });
const VALUE = 'pk_NEWsecretValue0123456789abcdefghijklmnopq';

function token(over: Partial<ApiToken> & Pick<ApiToken, 'id' | 'name'>): ApiToken {
  return {
    scopes: ['read'],
    prefix: 'pk_AbCd',
    created_by: { type: 'agent', id: 'a1', name: 'Ada Lovelace' },
    created_at: '2030-01-02T10:00:00.000Z',
    last_used_at: null,
    revoked_at: null,
    ...over,
  };
}

const crm = token({ id: 'tok_1', name: 'CRM sync', scopes: ['read', 'write'], last_used_at: '2030-01-03T09:00:00.000Z' });
const old = token({ id: 'tok_0', name: 'Old export', prefix: 'pk_Zz99', created_by: null, revoked_at: '2030-01-01T00:00:00.000Z' });

function setup(canEdit = true, overrides: Parameters<typeof fakeApi>[0] = {}) {
  const createApiToken = vi.fn(async (input: CreateApiTokenInput): Promise<CreatedApiToken> => ({ ...token({ id: 'tok_new', name: input.name, scopes: input.scopes, prefix: VALUE.slice(0, 7) }), token: VALUE }));
  const revokeApiToken = vi.fn(async () => undefined);
  const listApiTokens = vi.fn(async () => ({ data: [crm, old], next_cursor: null }));
  const api = fakeApi({ listApiTokens, createApiToken, revokeApiToken, ...overrides });
  render(<SettingsScreen page="api-tokens" api={api} canEdit={canEdit} agent={admin} />);
  return { createApiToken, revokeApiToken, listApiTokens };
}

const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name })).closest('tr') as HTMLElement;

describe('Settings: API tokens', () => {
  afterEach(() => cleanup());

  it('lists tokens with scopes, prefix, creator and use, and the revoked ones as such', async () => {
    setup();
    expect(screen.getByRole('link', { name: 'API tokens' }).getAttribute('aria-current')).toBe('page');
    const row = await rowOf('CRM sync');
    expect(row.textContent).toContain('readwrite');
    expect(row.textContent).toContain('pk_AbCd…');
    expect(row.textContent).toContain('by Ada Lovelace');
    expect(row.querySelectorAll('time')[1]?.getAttribute('datetime')).toBe('2030-01-03T09:00:00.000Z');
    expect(within(row).getByRole('button', { name: 'Revoke CRM sync' })).toBeTruthy();
    const revoked = await rowOf('Old export');
    expect(revoked.textContent).toContain('Never');
    expect(revoked.textContent).toContain('Revoked');
    expect(within(revoked).queryByRole('button')).toBeNull();
  });

  it('creates a token, checking the form first, and shows its value once', async () => {
    const { createApiToken } = setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(await screen.findByRole('button', { name: 'New API token' }));
    const form = screen.getByRole('form', { name: 'New API token' });
    const name = within(form).getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    expect(within(form).getByRole('checkbox', { name: /^read/ })).toHaveProperty('checked', true);
    fireEvent.click(within(form).getByRole('checkbox', { name: /^read/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(within(form).getByText('Give the token a name, e.g. what uses it.')).toBeTruthy();
    expect(within(form).getByText('Choose at least one scope.')).toBeTruthy();
    expect(createApiToken).not.toHaveBeenCalled();

    fireEvent.input(name, { target: { value: '  Zapier ' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: /^write/ }));
    fireEvent.click(within(form).getByRole('checkbox', { name: /^read/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    await waitFor(() => expect(createApiToken).toHaveBeenCalledWith({ name: 'Zapier', scopes: ['read', 'write'] }));

    const shown = await screen.findByRole('region', { name: 'API token “Zapier” created' });
    await waitFor(() => expect(document.activeElement).toBe(shown));
    expect(shown.textContent).toContain('it is shown only once');
    expect(within(shown).getByLabelText('Token value').textContent).toBe(VALUE);
    fireEvent.click(within(shown).getByRole('button', { name: 'Copy token' }));
    await waitFor(() => expect(within(shown).getByText('Token copied.')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(VALUE);
    // The new row is first, and the table never carries the value.
    const table = screen.getByRole('table', { name: 'API tokens' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Zapier', 'CRM sync', 'Old export']);
    expect(table.textContent).not.toContain(VALUE);

    fireEvent.click(within(shown).getByRole('button', { name: 'I have saved it' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /created/ })).toBeNull());
    expect(document.body.textContent).not.toContain(VALUE);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New API token' })));
  });

  it('shows the server’s refusal', async () => {
    const { createApiToken } = setup();
    createApiToken.mockRejectedValueOnce(new ApiError(409, 'conflict', 'at most 50 active API tokens: revoke one first'));
    fireEvent.click(await screen.findByRole('button', { name: 'New API token' }));
    const form = screen.getByRole('form', { name: 'New API token' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'One too many' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('at most 50 active API tokens: revoke one first');
    expect(screen.queryByRole('region', { name: /created/ })).toBeNull();
  });

  it('revokes a token after asking', async () => {
    const { revokeApiToken } = setup();
    const row = await rowOf('CRM sync');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke CRM sync' }));
    expect(within(row).getByText('Revoke the API token “CRM sync”?')).toBeTruthy();
    const confirm = within(row).getByRole('button', { name: 'Revoke API token' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(revokeApiToken).toHaveBeenCalledWith('tok_1'));
    await waitFor(() => expect(within(row).queryByRole('button')).toBeNull());
    expect(row.textContent).toContain('Revoked');
    expect(screen.getByText('API token CRM sync revoked: it no longer works.')).toBeTruthy();
  });

  it('is for admins only: nothing is loaded for other agents', () => {
    const { listApiTokens } = setup(false);
    expect(screen.getByText('Only admins can see and manage API tokens.')).toBeTruthy();
    expect(screen.queryByText('Only admins can change these settings.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'New API token' })).toBeNull();
    expect(listApiTokens).not.toHaveBeenCalled();
  });

  it('offers a retry when loading fails', async () => {
    let calls = 0;
    setup(true, {
      listApiTokens: async () => {
        calls += 1;
        if (calls === 1) throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection.');
        return { data: [], next_cursor: null };
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot reach the server. Check your connection.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No API tokens yet.')).toBeTruthy();
  });
});
