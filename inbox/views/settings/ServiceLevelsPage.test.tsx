// @vitest-environment happy-dom
/** Settings → Business hours and SLAs against a fake API: the hours editor, SLA minutes, the away message, per-team overrides, each PATCH only its keys. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateSettingsRequest, WorkspaceSettings } from '../../../protocol/index.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { workspaceSettings } from '../../test-support/fixtures.js';
import { agentProfile, team } from '../../test-support/team-fixtures.js';
import { TimeZoneField } from '../TimeZoneField.js';
import { SettingsScreen } from './SettingsScreen.js';

function setup(saved: WorkspaceSettings = workspaceSettings(), canEdit = true) {
  let current = saved;
  const updateSettings = vi.fn(async (patch: UpdateSettingsRequest) => {
    const { teamServiceLevels, ...rest } = patch;
    const levels = { ...current.teamServiceLevels };
    for (const [id, override] of Object.entries(teamServiceLevels ?? {})) {
      if (override) levels[id] = { businessHours: null, slaPolicy: null, ...override } as WorkspaceSettings['teamServiceLevels'][string];
      else delete levels[id];
    }
    current = { ...current, ...(rest as Partial<WorkspaceSettings>), teamServiceLevels: levels };
    return current;
  });
  const api = fakeApi({ getSettings: async () => saved, updateSettings, listTeams: async () => ({ data: [team({ id: 'team_1', name: 'Support' })], next_cursor: null }) });
  render(<SettingsScreen page="service-levels" api={api} canEdit={canEdit} agent={agentProfile()} />);
  return { updateSettings };
}

const day = (name: string) => screen.getByRole('group', { name });
const form = () => screen.getByRole('form', { name: 'Business hours, SLA and away message' });

describe('Settings: business hours and SLAs', () => {
  afterEach(() => cleanup());

  it('edits the week’s hours, the SLA minutes and the away message, and saves only those', async () => {
    const { updateSettings } = setup();
    const toggle = await screen.findByRole('checkbox', { name: 'Set business hours' });
    expect(toggle).toHaveProperty('checked', false);
    expect(screen.getByText('Always open: SLA targets count every minute and no away message is sent.')).toBeTruthy();
    fireEvent.click(toggle);

    fireEvent.change(within(form()).getByLabelText('Time zone'), { target: { value: 'Europe/Berlin' } });
    expect(within(day('Saturday')).getByText('Closed')).toBeTruthy();
    expect(within(day('Monday')).getByLabelText('Monday, interval 1, from')).toHaveProperty('value', '09:00');
    fireEvent.input(within(day('Monday')).getByLabelText('Monday, interval 1, to'), { target: { value: '12:00' } });
    fireEvent.click(within(day('Monday')).getByRole('button', { name: 'Add interval to Monday' }));
    const added = within(day('Monday')).getByLabelText('Monday, interval 2, from');
    await waitFor(() => expect(document.activeElement).toBe(added));
    expect(added).toHaveProperty('value', '12:00');
    fireEvent.input(added, { target: { value: '13:00' } });
    fireEvent.input(within(day('Monday')).getByLabelText('Monday, interval 2, to'), { target: { value: '17:00' } });

    fireEvent.click(within(day('Friday')).getByRole('button', { name: 'Remove Friday, interval 1' }));
    expect(within(day('Friday')).getByText('Closed')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(day('Friday')).getByRole('button', { name: 'Add interval to Friday' })));

    fireEvent.click(within(day('Saturday')).getByRole('button', { name: 'Add interval to Saturday' }));
    fireEvent.input(within(day('Saturday')).getByLabelText('Saturday, interval 1, from'), { target: { value: '22:00' } });
    fireEvent.input(within(day('Saturday')).getByLabelText('Saturday, interval 1, to'), { target: { value: '02:00' } });
    expect(within(day('Saturday')).getByText('next day')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('First response (minutes)'), { target: { value: '30' } });
    fireEvent.input(screen.getByLabelText('Resolution (minutes)'), { target: { value: '480' } });
    const away = screen.getByLabelText('Away message') as HTMLTextAreaElement;
    expect(away.placeholder).toBe("Thanks for your message! We're away right now and back on {day} at {time} ({timezone}).");
    fireEvent.input(away, { target: { value: 'Closed for the day — back {day} at {time} ({timezone}).' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(updateSettings).toHaveBeenCalledWith({
        businessHours: {
          timezone: 'Europe/Berlin',
          days: {
            mon: [
              ['09:00', '12:00'],
              ['13:00', '17:00'],
            ],
            tue: [['09:00', '17:00']],
            wed: [['09:00', '17:00']],
            thu: [['09:00', '17:00']],
            fri: [],
            sat: [['22:00', '02:00']],
            sun: [],
          },
        },
        slaPolicy: { first_response_minutes: 30, resolution_minutes: 480 },
        awayMessage: 'Closed for the day — back {day} at {time} ({timezone}).',
      }),
    );
    expect(await within(form()).findByText('Business hours, SLA and away message saved.')).toBeTruthy();
    fireEvent.click(within(form()).getByRole('button', { name: 'Save' }));
    expect(await within(form()).findByText('No changes to save.')).toBeTruthy();
    expect(updateSettings).toHaveBeenCalledTimes(1);
  });

  it('marks the rows and minutes it cannot send, beside them, and sends nothing', async () => {
    const saved = workspaceSettings({
      businessHours: { timezone: 'Europe/Berlin', days: { mon: [['09:00', '24:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      slaPolicy: { first_response_minutes: 30 },
    });
    const { updateSettings } = setup(saved);
    const to = await screen.findByLabelText('Monday, interval 1, to');
    // A midnight end can't be typed as 24:00: it shows as 00:00, which means the same.
    expect(to).toHaveProperty('value', '00:00');
    expect(screen.getByLabelText('First response (minutes)')).toHaveProperty('value', '30');
    fireEvent.input(to, { target: { value: '09:00' } });
    fireEvent.input(screen.getByLabelText('Next response (minutes)'), { target: { value: '1.5' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Save' }));
    expect(within(form()).getByRole('alert').textContent).toBe('Fix the marked fields first.');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(to.getAttribute('aria-describedby') ?? '')?.textContent).toBe('An interval needs a length: the end is its start.');
    expect(screen.getByLabelText('Next response (minutes)').getAttribute('aria-invalid')).toBe('true');
    expect(updateSettings).not.toHaveBeenCalled();

    // Switching the hours off and clearing the minutes removes both.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Set business hours' }));
    fireEvent.input(screen.getByLabelText('First response (minutes)'), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Next response (minutes)'), { target: { value: '' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledWith({ businessHours: null, slaPolicy: null }));
  });

  it('keeps a team’s own SLA targets, and gives them back to the workspace', async () => {
    const { updateSettings } = setup();
    const select = await screen.findByLabelText('Team');
    fireEvent.change(select, { target: { value: 'team_1' } });
    const override = screen.getByRole('form', { name: 'Service levels of Support' });
    expect(within(override).getByRole('checkbox', { name: 'Own business hours' })).toHaveProperty('checked', false);
    fireEvent.input(within(override).getByLabelText('First response (minutes)'), { target: { value: '15' } });
    fireEvent.click(within(override).getByRole('button', { name: 'Save team settings' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledWith({ teamServiceLevels: { team_1: { businessHours: null, slaPolicy: { first_response_minutes: 15 } } } }));
    expect(await within(override).findByText('Support keeps its own settings.')).toBeTruthy();
    expect(within(select as HTMLElement).getByRole('option', { name: 'Support (own settings)' })).toBeTruthy();

    fireEvent.click(within(override).getByRole('button', { name: 'Use the workspace’s settings' }));
    await waitFor(() => expect(updateSettings).toHaveBeenLastCalledWith({ teamServiceLevels: { team_1: null } }));
    expect(await within(override).findByText('Support uses the workspace’s settings.')).toBeTruthy();
    expect(within(override).getByLabelText('First response (minutes)')).toHaveProperty('value', '');
  });

  it('is read-only for agents who are not admins', async () => {
    setup(workspaceSettings(), false);
    const toggle = await screen.findByRole('checkbox', { name: 'Set business hours' });
    expect((toggle.closest('fieldset.settings__fields') as HTMLFieldSetElement).disabled).toBe(true);
    expect(within(form()).getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
  });
});

describe('TimeZoneField', () => {
  afterEach(() => cleanup());

  it('is a text box where the browser cannot list its zones, and keeps a saved zone the list lacks', () => {
    const onChange = vi.fn();
    const { rerender } = render(<TimeZoneField id="tz" label="Time zone" value="Europe/Berlin" onChange={onChange} zones={null} />);
    const input = screen.getByLabelText('Time zone') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    fireEvent.input(input, { target: { value: 'Asia/Jakarta' } });
    expect(onChange).toHaveBeenCalledWith('Asia/Jakarta');
    rerender(<TimeZoneField id="tz" label="Time zone" value="Mars/Base" onChange={onChange} zones={['UTC', 'Asia/Jakarta']} />);
    const select = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['Mars/Base', 'UTC', 'Asia/Jakarta']);
    expect(select.value).toBe('Mars/Base');
  });
});
