/**
 * A drop-off funnel: one horizontal bar per step, as long as the runs that
 * saw it (of the runs started), with how many ended there dismissed or
 * without its element, in words beside it. SVG drawn with Preact; named by
 * its `<title>`, the numbers again in a hidden table (`ChartFigure`).
 */
import type { FunnelRow } from '../../../state/tour-stats.js';
import { shareOf } from '../../../state/survey-results.js';
import { ChartFigure } from './ChartFigure.js';

export interface FunnelChartProps {
  title: string;
  rows: readonly FunnelRow[];
  /** What a bar's share is of: the runs started. */
  started: number;
}

const WIDTH = 560;
const ROW = 46;
const TOP = 6;
const BAR = 14;
const SIDE = 8;

/** ["1 dismissed", "2 element missing"]: the runs that ended at a step, when any did. */
function losses(row: FunnelRow): string[] {
  return [row.dismissed > 0 ? `${row.dismissed} dismissed` : '', row.missing > 0 ? `${row.missing} element missing` : ''].filter(Boolean);
}

export function FunnelChart({ title, rows, started }: FunnelChartProps) {
  const height = TOP + rows.length * ROW;
  const max = Math.max(1, started, ...rows.map((r) => r.seen));
  // The bar leaves room for its count and losses on its right.
  const plot = WIDTH * 0.55;
  const summary =
    started === 0 ? 'No runs yet.' : rows.map((r) => [`${r.label}: ${r.seen} seen`, ...losses(r)].join(', ')).join('; ');

  return (
    <ChartFigure
      title={title}
      name={`${title}, ${started} started. ${summary}`}
      width={WIDTH}
      height={height}
      table={{
        head: ['Step', 'Seen', 'Of started', 'Dismissed', 'Element missing'],
        rows: rows.map((r) => [r.label, r.seen, shareOf(r.seen, started), r.dismissed, r.missing] as const),
      }}
    >
      {rows.map((row, i) => {
        const y = TOP + i * ROW;
        const w = row.seen === 0 ? 0 : Math.max(2, (row.seen / max) * plot);
        const counts = [`${row.seen} seen (${shareOf(row.seen, started)})`, ...losses(row)].join(' · ');
        return (
          <g key={row.id}>
            <text class="chart__label chart__label--step" x={SIDE} y={y + 12}>
              {row.label}
            </text>
            <rect class="bar-list__track" x={SIDE} y={y + 18} width={plot} height={BAR} rx={3} />
            {w > 0 && <rect class="chart__bar chart__bar--neutral" x={SIDE} y={y + 18} width={w} height={BAR} rx={3} />}
            <text class="chart__count chart__count--funnel" x={SIDE + plot + 8} y={y + 30}>
              {counts}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
