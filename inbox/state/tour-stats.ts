/**
 * What a tour's stats page shows, free of DOM: the drop-off funnel as one row
 * per step, in the tour's order, each named by its number and words
 * ("2. Your reports live here."), with how many runs saw it, ended on it
 * dismissed, or could not find its element.
 */
import type { TourStats, TourStep } from '../../protocol/index.js';
import { stepExcerpt } from './tour-draft.js';

export interface FunnelRow {
  id: string;
  label: string;
  seen: number;
  dismissed: number;
  missing: number;
}

/** The funnel's rows; a step the tour no longer has (stats older than an edit) is named by its id. */
export function funnelRows(stats: TourStats, steps: readonly Pick<TourStep, 'id' | 'title' | 'body'>[]): FunnelRow[] {
  return stats.steps.map((row, i) => {
    const step = steps.find((s) => s.id === row.id);
    return { id: row.id, label: `${i + 1}. ${step ? stepExcerpt(step, 36) : `Step ${row.id}`}`, seen: row.seen, dismissed: row.dismissed, missing: row.missing };
  });
}
