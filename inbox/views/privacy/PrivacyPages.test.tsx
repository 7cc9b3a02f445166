// @vitest-environment happy-dom
/** Settings → Privacy and Settings → Audit log against a fake API: the form PATCHes only `privacy`'s changed keys; the log filters and pages. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, UpdateSettingsRequest, WorkspaceSettings } from '../../../protocol/index.js';
import type { AuditLogFilter } from '../../api/privacy-endpoints.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { workspaceSettings } from '../../test-support/fixtures.js';
import { agentProfile } from '../../test-support/team-fixtures.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';

afterEach(() => cleanup());

describe('Settings: privacy', () => {
  function setup(canEdit = true) {
    const saved = workspaceSettings();
    const updateSettings = vi.fn(async (patch: UpdateSettingsRequest) => ({ ...saved, privacy: { ...saved.privacy, ...patch.privacy, retention: { ...saved.privacy.retention, ...patch.privacy?.retention } } }) as WorkspaceSettings);
    render(<SettingsScreen page="privacy" api={fakeApi({ getSettings: async () => saved, updateSettings })} canEdit={canEdit} agent={agentProfile()} />);
    return { updateSettings };
  }

  it('turns consent mode on, keeps a parameter and sets a window; the chat option needs consent mode', async () => {
    const { updateSettings } = setup();
    const consent = await screen.findByRole('checkbox', { name: 'Require consent' });
    const chat = screen.getByRole('checkbox', { name: 'Allow a support chat before consent' });
    expect(chat).toHaveProperty('disabled', true);
    fireEvent.click(consent);
    expect(chat).toHaveProperty('disabled', false);
    fireEvent.click(chat);
    fireEvent.input(screen.getByLabelText('Query parameters kept in page URLs'), { target: { value: 'utm_source\nutm_medium' } });
    fireEvent.input(screen.getByLabelText('Events and page views'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    await screen.findByText('Privacy settings saved.');
    expect(updateSettings).toHaveBeenCalledWith({
      privacy: { requireConsent: true, chatBeforeConsent: true, urlQueryAllowlist: ['utm_source', 'utm_medium'], retention: { events: 90 } },
    });
  });

  it('marks a bad window and sends nothing', async () => {
    const { updateSettings } = setup();
    const field = await screen.findByLabelText('Uploaded files');
    fireEvent.input(field, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    await screen.findByRole('alert');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(updateSettings).not.toHaveBeenCalled();
  });

  it('is read-only for agents who are not admins', async () => {
    setup(false);
    await screen.findByRole('checkbox', { name: 'Require consent' });
    expect(screen.getByRole('group', { name: 'Privacy settings' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Save privacy settings' })).toHaveProperty('disabled', true);
  });
});

describe('Settings: audit log', () => {
  const entry = (id: string, action: AuditEntry['action']): AuditEntry => ({
    id,
    at: '2030-01-02T03:04:05.000Z',
    actor: { type: 'agent', id: 'a1', name: 'Ada Lovelace' },
    action,
    target: { type: 'contact', id: 'ct_1' },
    details: { fields: ['name', 'email'] },
  });

  it('lists entries newest first, filters by action and loads more', async () => {
    const listAuditLog = vi.fn(async (filter: AuditLogFilter, cursor?: string | null) =>
      cursor ? { data: [entry('aud_2', 'contact.exported')], next_cursor: null } : { data: [entry(filter.action ? 'aud_3' : 'aud_1', filter.action ?? 'contact.updated')], next_cursor: filter.action ? null : 'next' },
    );
    render(<SettingsScreen page="audit-log" api={fakeApi({ listAuditLog })} canEdit agent={agentProfile()} />);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(table).getByText('Contact edited')).toBeTruthy();
    expect(within(table).getByText('fields: name, email')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getByText('Contact exported')).toBeTruthy());
    expect(listAuditLog).toHaveBeenLastCalledWith({ action: undefined }, 'next');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'contact.erased' } });
    await waitFor(() => expect(listAuditLog).toHaveBeenLastCalledWith({ action: 'contact.erased' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getByText('Contact erased')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
