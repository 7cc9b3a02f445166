import { describe, expect, it } from 'vitest';
import type { WorkspaceSettings } from '../../protocol/index.js';
import { DEFAULT_PRIVACY_SETTINGS } from '../../protocol/index.js';
import { avatarRow, avatarRowAt, changedFields, describeValidationError, draftFrom, originsFromText, toRequest } from './settings-form.js';

const saved: WorkspaceSettings = {
  appId: 'demo',
  name: 'Parley Demo',
  greeting: '',
  color: '#4f46e5',
  launcherPosition: 'right',
  launcherOffset: 20,
  teamAvatars: [{ name: 'Ada', url: 'https://cdn.example/ada.png' }],
  allowedOrigins: ['http://localhost:*', 'https://app.example.com'],
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
  snippet: '<script></script>',
};

describe('settings form model', () => {
  it('round-trips: an untouched draft changes nothing', () => {
    expect(changedFields(saved, draftFrom(saved))).toEqual({});
  });

  it('leaves the settings it does not edit (business hours, SLA, away message, reassignment) out of the PATCH', () => {
    const withServiceLevels: WorkspaceSettings = {
      ...saved,
      reassignOnOffline: true,
      businessHours: { timezone: 'Europe/Berlin', days: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      slaPolicy: { first_response_minutes: 30 },
      awayMessage: 'Back {day} at {time}.',
      teamServiceLevels: { team_1: { businessHours: null, slaPolicy: { resolution_minutes: 480 } } },
    };
    const draft = draftFrom(withServiceLevels);
    expect(changedFields(withServiceLevels, draft)).toEqual({});
    draft.name = 'Acme';
    expect(changedFields(withServiceLevels, draft)).toEqual({ name: 'Acme' });
    expect(Object.keys(toRequest(draft))).not.toContain('businessHours');
  });

  it('sends only what changed, with origins one per line and empty avatar rows left out', () => {
    const draft = draftFrom(saved);
    draft.launcherOffset = '0';
    draft.allowedOrigins = ' http://localhost:* \n\nhttps://app.example.com\n';
    draft.teamAvatars = [...draft.teamAvatars, avatarRow('  ', ''), avatarRow('Grace', 'https://cdn.example/grace.png')];
    expect(changedFields(saved, draft)).toEqual({
      launcherOffset: 0,
      teamAvatars: [
        { name: 'Ada', url: 'https://cdn.example/ada.png' },
        { name: 'Grace', url: 'https://cdn.example/grace.png' },
      ],
    });
    expect(avatarRowAt(draft, 1)?.name).toBe('Grace');
  });

  it('sends quiet pages one per line, and names a refused one', () => {
    const draft = draftFrom(saved);
    expect(draft.quietPages).toBe('/checkout/*');
    draft.quietPages = '/checkout/*\n  /settings/** \n\n';
    expect(changedFields(saved, draft)).toEqual({ quietPages: ['/checkout/*', '/settings/**'] });
    expect(describeValidationError('quietPages.1: Too big', { quietPages: ['/a', '/b'] })).toMatchObject({
      field: 'quietPages',
      index: 1,
      text: 'Quiet pages (“/b”): Too big',
    });
  });

  it('sends the survey recontact days as a number, and names a refused value', () => {
    const draft = draftFrom(saved);
    expect(draft.surveyRecontactDays).toBe('30');
    draft.surveyRecontactDays = ' 0 ';
    expect(changedFields(saved, draft)).toEqual({ surveyRecontactDays: 0 });
    expect(toRequest({ ...draft, surveyRecontactDays: '' }).surveyRecontactDays).toBeNaN();
    expect(describeValidationError('surveyRecontactDays: Too big: expected number to be <=365', { surveyRecontactDays: 400 })).toMatchObject({
      field: 'surveyRecontactDays',
      text: 'Survey recontact days: Too big: expected number to be <=365',
    });
  });

  it('leaves a non-number offset for the server to refuse', () => {
    const draft = { ...draftFrom(saved), launcherOffset: '' };
    expect(toRequest(draft).launcherOffset).toBeNaN();
  });

  it('splits origins on lines, trimmed, without blanks', () => {
    expect(originsFromText('a\r\n  b  \n\n')).toEqual(['a', 'b']);
  });

  it('turns server validation messages into field names an admin knows', () => {
    expect(describeValidationError('color: must be a hex colour like #4f46e5 or #fff', {})).toEqual({
      field: 'color',
      index: undefined,
      part: undefined,
      text: 'Brand colour: must be a hex colour like #4f46e5 or #fff',
    });
    expect(describeValidationError('teamAvatars.2.name: Too small', {})).toMatchObject({
      field: 'teamAvatars',
      index: 2,
      part: 'name',
      text: 'Team avatars, teammate 3, name: Too small',
    });
    expect(describeValidationError('allowedOrigins.0: bad', { allowedOrigins: ['ftp://x'] }).text).toBe('Allowed origins (“ftp://x”): bad');
    expect(describeValidationError('input: Unrecognized key: "x"', {})).toEqual({ field: null, text: 'input: Unrecognized key: "x"' });
  });
});
