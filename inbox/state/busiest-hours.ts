/**
 * The busiest-hours heatmap's model: the report's `busiest_hours` grid
 * ([weekday 0 = Monday … 6 = Sunday][hour 0–23], conversations opened), its
 * busiest slot in words ("Busiest: Tuesday 10:00–11:00"), and a shade 0–4 per
 * cell, relative to the busiest.
 */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "09:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "10:00–11:00"; the last hour ends at "24:00". */
export function hourSpan(hour: number): string {
  return `${hourLabel(hour)}–${hourLabel(hour + 1)}`;
}

/** Seven rows of 24 counts, whatever the server sent (missing cells are 0). */
export function normaliseGrid(grid: readonly (readonly number[])[] | null | undefined): number[][] {
  return WEEKDAY_NAMES.map((_, day) =>
    Array.from({ length: 24 }, (_, hour) => {
      const value = grid?.[day]?.[hour];
      return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
    }),
  );
}

export interface BusiestSlot {
  day: number;
  hour: number;
  count: number;
}

/** The cell with the most conversations (the first in week order on a tie); null when nothing was opened. */
export function busiestSlot(grid: readonly (readonly number[])[]): BusiestSlot | null {
  let best: BusiestSlot | null = null;
  grid.forEach((row, day) =>
    row.forEach((count, hour) => {
      if (count > 0 && (!best || count > best.count)) best = { day, hour, count };
    }),
  );
  return best;
}

/** The heatmap's one-line summary. */
export function busiestSummary(grid: readonly (readonly number[])[]): string {
  const slot = busiestSlot(grid);
  if (!slot) return 'No conversations opened in this period.';
  return `Busiest: ${WEEKDAY_NAMES[slot.day]} ${hourSpan(slot.hour)} (${slot.count} opened)`;
}

/** 0 for none, else 1–4 by the share of the busiest cell, so a single conversation still shows. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}
