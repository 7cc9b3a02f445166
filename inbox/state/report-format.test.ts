import { describe, expect, it } from 'vitest';
import { formatDuration, formatMinutesLeft, samplesText, statsCells } from './report-format.js';

describe('report formatting', () => {
  it('writes durations in the two largest units that matter', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45.4)).toBe('45 s');
    expect(formatDuration(59.6)).toBe('1 min');
    expect(formatDuration(240)).toBe('4 min');
    expect(formatDuration(360)).toBe('6 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(4320)).toBe('1 h 12 min');
    expect(formatDuration(45_000)).toBe('12 h 30 min');
    expect(formatDuration(86_400)).toBe('1 d');
    expect(formatDuration(2 * 86_400 + 3 * 3600 + 14 * 60)).toBe('2 d 3 h');
  });

  it('counts minutes left up, never "0 min" while still due', () => {
    expect(formatMinutesLeft(1)).toBe('1 min');
    expect(formatMinutesLeft(11 * 60_000 + 1)).toBe('12 min');
    expect(formatMinutesLeft(12 * 60_000)).toBe('12 min');
    expect(formatMinutesLeft(72 * 60_000)).toBe('1 h 12 min');
  });

  it('says what a median stands on', () => {
    expect(samplesText(0, 'reply', 'replies')).toBe('No replies yet');
    expect(samplesText(1, 'reply', 'replies')).toBe('Over 1 reply');
    expect(samplesText(1200, 'conversation')).toBe('Over 1,200 conversations');
  });

  it('turns a slice of the report into table cells, with dashes for what has no samples', () => {
    expect(
      statsCells({
        opened: 6,
        closed: 4,
        first_response: { median_s: 360, p90_s: 1440, samples: 4 },
        resolution: { median_s: 45_000, samples: 4 },
        first_contact_resolution_rate: 0.6667,
        csat: { ratings: 4, score: 50 },
      }),
    ).toEqual({ opened: '6', closed: '4', firstResponseMedian: '6 min', firstResponseP90: '24 min', resolutionMedian: '12 h 30 min', fcr: '66.7%', csat: '50%' });
    expect(
      statsCells({
        opened: 0,
        closed: 0,
        first_response: { median_s: null, p90_s: null, samples: 0 },
        resolution: { median_s: null, samples: 0 },
        first_contact_resolution_rate: null,
        csat: { ratings: 0, score: null },
      }),
    ).toMatchObject({ firstResponseMedian: '—', resolutionMedian: '—', fcr: '—', csat: '—' });
  });
});
