import { describe, expect, it } from 'vitest';
import { hoursDraftFrom } from './business-hours-form.js';
import { serviceLevelsDraftFrom, serviceLevelsPatch, slaPolicyFromDraft, teamOverrideDraftFrom, teamOverridePatch } from './service-levels-form.js';

const saved = {
  businessHours: { timezone: 'Europe/Berlin', days: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
  slaPolicy: { first_response_minutes: 30 },
  awayMessage: null,
} as Parameters<typeof serviceLevelsDraftFrom>[0];

describe('service levels form', () => {
  it('sends nothing when nothing changed, and only the keys that did', () => {
    const draft = serviceLevelsDraftFrom(saved, 'UTC');
    expect(serviceLevelsPatch(saved, draft)).toEqual({ ok: true, patch: {} });
    const edited = { ...draft, sla: { ...draft.sla, resolution_minutes: ' 480 ' }, awayMessage: '  Back {day} at {time}. ' };
    expect(serviceLevelsPatch(saved, edited)).toEqual({
      ok: true,
      patch: { slaPolicy: { first_response_minutes: 30, resolution_minutes: 480 }, awayMessage: 'Back {day} at {time}.' },
    });
    const off = { ...draft, hours: { ...draft.hours, enabled: false }, sla: { first_response_minutes: '', next_response_minutes: '', resolution_minutes: '' } };
    expect(serviceLevelsPatch(saved, off)).toEqual({ ok: true, patch: { businessHours: null, slaPolicy: null } });
    expect(serviceLevelsPatch({ ...saved, awayMessage: 'Custom' }, { ...draft, awayMessage: ' ' })).toEqual({ ok: true, patch: { awayMessage: null } });
  });

  it('refuses minutes that are not whole, positive and at most a year', () => {
    for (const text of ['0', '1.5', '-3', 'soon', '525601']) {
      const result = slaPolicyFromDraft({ first_response_minutes: text, next_response_minutes: '', resolution_minutes: '' });
      expect(result.ok).toBe(false);
    }
    expect(slaPolicyFromDraft({ first_response_minutes: '525600', next_response_minutes: '', resolution_minutes: '1' })).toEqual({
      ok: true,
      value: { first_response_minutes: 525600, resolution_minutes: 1 },
    });
  });

  it('reports the hours and SLA errors together', () => {
    const draft = serviceLevelsDraftFrom(saved, 'UTC');
    const result = serviceLevelsPatch(saved, { ...draft, hours: { ...draft.hours, timezone: 'nowhere' }, sla: { ...draft.sla, next_response_minutes: 'x' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.hours?.get('timezone')).toBeTruthy();
      expect(result.errors.sla?.next_response_minutes).toBeTruthy();
    }
  });

  it('saves a team override whole, or removes it when nothing of its own is left', () => {
    const draft = teamOverrideDraftFrom(null, 'UTC');
    expect(draft.hours.enabled).toBe(false);
    expect(teamOverridePatch('team_1', draft)).toEqual({ ok: true, patch: { teamServiceLevels: { team_1: null } } });
    const own = { ...draft, sla: { ...draft.sla, first_response_minutes: '15' } };
    expect(teamOverridePatch('team_1', own)).toEqual({
      ok: true,
      patch: { teamServiceLevels: { team_1: { businessHours: null, slaPolicy: { first_response_minutes: 15 } } } },
    });
    const withHours = { ...draft, hours: { ...hoursDraftFrom(saved.businessHours, 'UTC') } };
    const patch = teamOverridePatch('team_1', withHours);
    expect(patch.ok && patch.patch.teamServiceLevels?.team_1?.businessHours?.timezone).toBe('Europe/Berlin');
  });
});
