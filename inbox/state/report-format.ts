/**
 * The report's numbers as words: durations ("45 s", "4 min", "1 h 12 min",
 * "2 d 3 h"), rates and scores ("50%"), and "—" whenever there is nothing to
 * measure (no samples), never NaN or "0 min" for a missing value.
 */
import type { ConversationStats } from '../../protocol/index.js';
import { formatCount, formatRate } from '../format/stats.js';
import { formatCsat } from './survey-results.js';

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * Seconds as the largest two units that matter: under a minute in seconds,
 * then whole minutes (rounded), "1 h 12 min" under a day, "2 d 3 h" beyond.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (!finite(seconds) || seconds < 0) return '—';
  if (seconds < 59.5) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  // Days are rounded to the hour: "2 d 3 h 14 min" says more than anyone reads.
  const totalHours = Math.round(minutes / 60);
  const days = Math.floor(totalHours / 24);
  const restHours = totalHours % 24;
  return restHours === 0 ? `${days} d` : `${days} d ${restHours} h`;
}

/** Minutes left until a deadline, for "Due in …": rounded up so it never reads "0 min" while still due. */
export function formatMinutesLeft(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return formatDuration(minutes * 60);
}

/** "over 4 replies", "no replies yet" — what a median stands on. */
export function samplesText(samples: number, noun: string, plural = `${noun}s`): string {
  if (!finite(samples) || samples <= 0) return `No ${plural} yet`;
  return `Over ${formatCount(samples)} ${samples === 1 ? noun : plural}`;
}

/** One slice of the report (the totals, an agent, a team) as the cells of a table row. */
export interface StatsCells {
  opened: string;
  closed: string;
  firstResponseMedian: string;
  firstResponseP90: string;
  resolutionMedian: string;
  fcr: string;
  csat: string;
}

export function statsCells(stats: ConversationStats): StatsCells {
  return {
    opened: formatCount(stats.opened),
    closed: formatCount(stats.closed),
    firstResponseMedian: formatDuration(stats.first_response.median_s),
    firstResponseP90: formatDuration(stats.first_response.p90_s),
    resolutionMedian: formatDuration(stats.resolution.median_s),
    fcr: formatRate(stats.first_contact_resolution_rate),
    csat: formatCsat(stats.csat.score),
  };
}
