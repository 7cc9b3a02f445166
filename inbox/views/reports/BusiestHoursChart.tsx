/**
 * The busiest hours: a 7 × 24 heatmap of conversations opened (Monday
 * first, hours of the report's zone), drawn as SVG on the survey charts'
 * frame. Shade is backed by words: a visible summary ("Busiest: Tuesday
 * 10:00–11:00"), a tooltip per cell, and the whole grid as a table for
 * screen readers.
 */
import { busiestSummary, heatLevel, hourLabel, hourSpan, normaliseGrid, WEEKDAY_NAMES, WEEKDAY_SHORT } from '../../state/busiest-hours.js';
import { ChartFigure } from '../surveys/charts/ChartFigure.js';

const LEFT = 40;
const TOP = 18;
const CELL = 22;
const GAP = 2;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function BusiestHoursChart({ grid: raw, tz }: { grid: readonly (readonly number[])[]; tz: string }) {
  const grid = normaliseGrid(raw);
  const max = Math.max(0, ...grid.flat());
  const summary = busiestSummary(grid);
  const width = LEFT + 24 * CELL;
  const height = TOP + 7 * CELL;
  const title = `Busiest hours (${tz})`;

  return (
    <div class="heatmap">
      <p class="heatmap__summary">{summary}</p>
      <ChartFigure
        title={title}
        name={`Conversations opened by weekday and hour, ${tz}. ${summary}`}
        width={width}
        height={height}
        table={{ head: ['Day', ...HOURS.map(hourLabel)], rows: grid.map((row, day) => [WEEKDAY_NAMES[day], ...row] as const) }}
        before={
          <p class="chart__legend heatmap__legend" aria-hidden="true">
            Fewer
            {[0, 1, 2, 3, 4].map((level) => (
              <span key={level} class={`heatmap__key heatmap__cell--${level}`} />
            ))}
            More
          </p>
        }
      >
        {HOURS.filter((h) => h % 3 === 0).map((h) => (
          <text key={h} class="chart__label" x={LEFT + h * CELL + CELL / 2} y={TOP - 6} text-anchor="middle">
            {String(h).padStart(2, '0')}
          </text>
        ))}
        {grid.map((row, day) => (
          <g key={day}>
            <text class="chart__label" x={LEFT - 6} y={TOP + day * CELL + CELL / 2 + 4} text-anchor="end">
              {WEEKDAY_SHORT[day]}
            </text>
            {row.map((count, hour) => (
              <rect
                key={hour}
                class={`heatmap__cell heatmap__cell--${heatLevel(count, max)}`}
                x={LEFT + hour * CELL}
                y={TOP + day * CELL}
                width={CELL - GAP}
                height={CELL - GAP}
                rx={3}
              >
                <title>{`${WEEKDAY_NAMES[day]} ${hourSpan(hour)}: ${count} opened`}</title>
              </rect>
            ))}
          </g>
        ))}
      </ChartFigure>
    </div>
  );
}
