/**
 * Vertical bars over a scale (NPS 0–10, CSAT 1–5, a rating), drawn as SVG
 * with Preact, no chart library. For screen readers: the SVG is an image
 * named by its `<title>` (with a one-line summary), and the same numbers
 * follow in a visually hidden table (`ChartFigure`).
 */
import { niceCeiling, shareOf, type Bar } from '../../../state/survey-results.js';
import { ChartFigure } from './ChartFigure.js';

export interface ColumnChartProps {
  title: string;
  bars: readonly Bar[];
  /** The column header of the labels in the hidden table ("Score", "Answer"). */
  labelName: string;
}

const HEIGHT = 168;
const TOP = 20;
const BOTTOM = 24;
const SLOT = 40;

export function ColumnChart({ title, bars, labelName }: ColumnChartProps) {
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  const max = niceCeiling(Math.max(0, ...bars.map((b) => b.count)));
  const width = Math.max(240, bars.length * SLOT + 8);
  const plot = HEIGHT - TOP - BOTTOM;
  const summary = bars.map((b) => `${b.label}: ${b.count}`).join(', ');

  return (
    <ChartFigure
      title={title}
      name={`${title}. ${total === 0 ? 'No answers yet.' : summary}`}
      width={width}
      height={HEIGHT}
      table={{ head: [labelName, 'Answers', 'Share'], rows: bars.map((bar) => [bar.label, bar.count, shareOf(bar.count, total)] as const) }}
    >
      <line class="chart__axis" x1={4} x2={width - 4} y1={TOP + plot} y2={TOP + plot} />
      {bars.map((bar, i) => {
        const h = bar.count === 0 ? 0 : Math.max(2, (bar.count / max) * plot);
        const x = 4 + i * SLOT + SLOT * 0.14;
        const w = SLOT * 0.72;
        return (
          <g key={bar.label}>
            <rect class={`chart__bar chart__bar--${bar.tone}`} x={x} y={TOP + plot - h} width={w} height={h} rx={3} />
            {bar.count > 0 && (
              <text class="chart__count" x={x + w / 2} y={TOP + plot - h - 5} text-anchor="middle">
                {bar.count}
              </text>
            )}
            <text class="chart__label" x={x + w / 2} y={HEIGHT - 7} text-anchor="middle">
              {bar.label}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
