/** Numbers on the stats screens: counts with thousands separators, rates (0..1) as percentages, "—" when there is nothing to divide by. */
const counts = new Intl.NumberFormat('en');
const percents = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

export function formatCount(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? counts.format(n) : '—';
}

export function formatRate(rate: number | null | undefined): string {
  return typeof rate === 'number' && Number.isFinite(rate) ? percents.format(rate) : '—';
}
