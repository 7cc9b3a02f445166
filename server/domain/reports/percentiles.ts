/**
 * Percentiles for the reports, pure so the edge cases are tested on fixed
 * fixtures. Linear interpolation between closest ranks (the "R-7" definition
 * of numpy, Excel's PERCENTILE.INC and most dashboards): the median of an
 * even count is the mean of the middle two. No values → null, never NaN.
 */

/** The `p`th percentile (0–100) of `values`, in any order. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}
