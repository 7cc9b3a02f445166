import { describe, expect, it } from 'vitest';
import { addInterval, editInterval, hoursDraftFrom, hoursFromDraft, removeInterval, runsPastMidnight, sameHours } from './business-hours-form.js';

const saved = {
  timezone: 'Europe/Berlin',
  days: { mon: [['09:00', '12:00'], ['13:00', '24:00']], tue: [['09:00', '17:00']], wed: [], thu: [], fri: [], sat: [['22:00', '02:00']], sun: [] },
} as const satisfies Parameters<typeof hoursDraftFrom>[0];

describe('business hours form', () => {
  it('starts switched off at Mon–Fri 09:00–17:00 without hours, in the given zone', () => {
    const draft = hoursDraftFrom(null, 'Asia/Jakarta');
    expect(draft.enabled).toBe(false);
    expect(draft.timezone).toBe('Asia/Jakarta');
    expect(draft.days.mon.map((r) => [r.start, r.end])).toEqual([['09:00', '17:00']]);
    expect(draft.days.sun).toEqual([]);
    expect(hoursFromDraft(draft)).toEqual({ ok: true, value: null });
  });

  it('round-trips saved hours, writing a midnight end as 00:00 and comparing equal', () => {
    const draft = hoursDraftFrom(saved, 'UTC');
    expect(draft.days.mon.map((r) => [r.start, r.end])).toEqual([['09:00', '12:00'], ['13:00', '00:00']]);
    const result = hoursFromDraft(draft);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value?.days.sat).toEqual([['22:00', '02:00']]);
      expect(sameHours(saved, result.value)).toBe(true);
      expect(sameHours(saved, { ...result.value!, timezone: 'UTC' })).toBe(false);
    }
    expect(runsPastMidnight(draft.days.sat[0])).toBe(true);
    expect(runsPastMidnight(draft.days.mon[1])).toBe(false);
  });

  it('adds an interval after the last (at most six), edits and removes by key', () => {
    let draft = hoursDraftFrom(saved, 'UTC');
    draft = addInterval(draft, 'tue');
    expect(draft.days.tue.map((r) => [r.start, r.end])).toEqual([['09:00', '17:00'], ['17:00', '18:00']]);
    draft = addInterval(draft, 'wed');
    expect(draft.days.wed.map((r) => [r.start, r.end])).toEqual([['09:00', '17:00']]);
    for (let i = 0; i < 10; i += 1) draft = addInterval(draft, 'thu');
    expect(draft.days.thu).toHaveLength(6);
    const [first, second] = draft.days.tue;
    draft = editInterval(draft, 'tue', second.key, { end: '19:30' });
    draft = removeInterval(draft, 'tue', first.key);
    expect(draft.days.tue.map((r) => [r.start, r.end])).toEqual([['17:00', '19:30']]);
  });

  it('names the rows and the zone that cannot be sent', () => {
    const draft = hoursDraftFrom(saved, 'UTC');
    const broken = editInterval(editInterval({ ...draft, timezone: 'Mars/Base' }, 'mon', draft.days.mon[0].key, { end: '09:00' }), 'tue', draft.days.tue[0].key, { start: '' });
    const result = hoursFromDraft(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.get('timezone')).toBe('Enter a time zone like Europe/Berlin.');
      expect(result.errors.get(draft.days.mon[0].key)).toBe('An interval needs a length: the end is its start.');
      expect(result.errors.get(draft.days.tue[0].key)).toBe('Enter both times as HH:MM.');
    }
  });
});
